import type { StoreDoing, StoreFact, StoreFileKind, StoreStrings } from '../types/store';
import type { LockHolder } from '../../domain/store-facts';
import { joinList } from '../format';

const DOING: Record<StoreDoing, string> = {
  lock: 'crear el bloqueo',
  open: 'abrir',
  write: 'escribir',
  append: 'escribir en',
  mkdir: 'crear la carpeta',
  repair: 'reparar',
};
const KIND: Record<StoreFileKind, string> = {
  folder: 'La carpeta del almacén',
  doc: 'El documento',
  journal: 'El diario de cambios',
};
const lines = (n: number) => `${n} ${n === 1 ? 'línea' : 'líneas'}`;
const UNTOUCHED =
  'No se modificó ningún archivo (left untouched): restaure el almacén desde una copia de seguridad o apártelo para empezar con uno vacío.';
const heldBy = (h: LockHolder) =>
  `en uso por ${h.pid ? `el proceso ${h.pid}` : 'otro proceso'} (in use by process ${h.pid ?? '?'}; bloqueo ${h.lockFile})`;

function fileSystem(f: Extract<StoreFact, { kind: 'fs' }>): string {
  const [d, file, errno] = [DOING[f.doing], f.file, f.errno ?? ''];
  switch (f.errno) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `No hay espacio en el disco para ${d} ${file} (${errno}). Libere espacio; el almacén sigue funcionando cuando lo haya.`;
    case 'EROFS':
      return `El sistema de archivos de ${file} es de solo lectura (${errno}): no se puede ${d} el archivo.`;
    case 'EACCES':
    case 'EPERM':
      return `Sin permiso para ${d} ${file} (${errno}). Revise los permisos del archivo y de su carpeta.`;
    case 'EEXIST':
    case 'ENOTDIR':
      return `No se puede ${d} ${file}: una parte de la ruta es un archivo y no una carpeta (${errno}). Revise PEI_DB_FILE.`;
    case 'EISDIR':
      return `No se puede ${d} ${file}: es una carpeta y no un archivo (${errno}). Revise PEI_DB_FILE.`;
    default:
      return `No se pudo ${d} ${file}: ${f.detail ?? errno}.`;
  }
}

/** Why the store does not start (a 'corrupt' fact), or null. */
function refusal(f: StoreFact): string | null {
  switch (f.kind) {
    case 'doc-not-json':
      return `El documento ${f.file} no es JSON válido (${f.why})`;
    case 'not-a-store':
      return `El documento ${f.file} no es un almacén del PEI Bot (no tiene la cabecera "format": "pei-bot-store")`;
    case 'wrong-version':
      return `El documento ${f.file} tiene la versión de formato ${f.got}; este programa lee las versiones 1 a 3`;
    case 'doc-invalid':
      return `En el documento ${f.file}, el registro ${f.where} ${f.shown} no es válido (${f.problem})`.replace(
        /\s+/g,
        ' ',
      );
    case 'doc-tampered':
      return `El documento ${f.file} fue modificado fuera del bot o está dañado (su suma de verificación "integrity" no coincide con su contenido)`;
    case 'doc-missing':
      return (
        `Falta el documento ${f.file} pero ${f.held.map((h) => `${h.file} tiene ${h.lines} líneas`).join(' y ')}: ` +
        `sin él se perderían los ${joinList(['responsables', 'administradores', 'suscripciones', 'conversaciones', 'envíos'], 'es')}`
      );
    case 'bad-line':
      return `${f.file}: line ${f.line} is not a valid journal line — la línea ${f.line} no es válida: ${f.why}`;
    case 'chain-broken':
      return `${f.file}: la línea ${f.line} no sigue a la anterior (hash chain broken): se quitó, movió o modificó una línea`;
    case 'journal-missing':
      return `Falta el diario de cambios ${f.file} (${f.file} is missing), pero el documento ${f.doc} registra ${lines(f.lines)} en él`;
    case 'journal-shorter':
      return `El diario de cambios ${f.file} tiene ${lines(f.lines)} pero el documento ${f.doc} registra ${lines(f.docLines)}`;
    case 'journal-changed':
      return `El diario de cambios ${f.file} no coincide con lo que registra el documento ${f.doc} para sus primeras ${lines(f.lines)}: fue reemplazado, reordenado o modificado`;
    case 'journal-torn-vouched':
      return `El diario de cambios ${f.file} termina en una línea incompleta que el documento ${f.doc} da por escrita`;
    default:
      return null;
  }
}

/** A repair made on open, or null. */
function repair(f: StoreFact): string | null {
  switch (f.kind) {
    case 'torn-line-cut':
      return `${f.file}: cut a torn last line — se cortó una última línea incompleta (${f.bytes} bytes, una escritura no confirmada)`;
    case 'last-line-completed':
      return `${f.file}: se completó una última línea sin salto de línea`;
    case 'rolled-forward':
      return `${f.file}: rolled forward ${f.changes} change(s) — se aplicaron ${f.changes} cambio(s) desde el diario de cambios`;
    case 'upgraded':
      return `${f.file}: actualizado al formato ${f.to} (un solo diario de cambios, con una cadena de sumas de verificación)`;
    default:
      return null;
  }
}

function say(f: StoreFact): string {
  const refused = refusal(f);
  if (refused) return `${refused}: no se inicia el almacén. ${UNTOUCHED}`;
  const repaired = repair(f);
  if (repaired)
    return `PEI store: ${repaired}${'readOnly' in f && f.readOnly ? ' (solo en memoria: solo lectura)' : ''}`;
  switch (f.kind) {
    case 'fs':
      return fileSystem(f);
    case 'cannot-read':
      return `No se pudo leer ${f.file} (${f.why}). ${UNTOUCHED}`;
    case 'folder-is-file':
      return `La carpeta del almacén ${f.file} es un archivo, no una carpeta. Revise PEI_DB_FILE.`;
    case 'not-writable':
      return `${KIND[f.what]} ${f.file} es de solo lectura: el bot no puede guardar en él y no se inicia. Devuélvale el permiso de escritura (chmod u+w), o abra el almacén en modo de solo lectura.`;
    case 'locked':
      return `El almacén ${f.file} está ${heldBy(f.holder)}: detenga ese proceso primero`;
    case 'closed':
      return `El almacén ${f.file} está cerrado (closed)`;
    case 'read-only':
      return `El almacén ${f.file} está abierto en solo lectura (read-only); no se guardó nada`;
    case 'write-not-undone':
      return `Falló una escritura en el almacén ${f.file} (${say(f.failed)}) y no se pudo deshacer (${f.undoWhy}); el almacén no acepta más escrituras hasta que se reinicie el bot`;
    case 'lock-info-failed':
      return `PEI store: no se pudo escribir el archivo informativo ${f.file} (${f.why}); el bloqueo sigue vigente`;
    case 'pg-migrate':
      return `PostgreSQL: ${f.why}`;
    case 'pg-pool-lost':
      return `PostgreSQL: conexión del grupo perdida: ${f.why}`;
    case 'pg-listen-lost':
      return `PostgreSQL: se perdió la escucha de cambios (${f.why}); se intenta de nuevo`;
    case 'pg-listen-failed':
      return `PostgreSQL: no se pudo escuchar los cambios: ${f.why}`;
    case 'pg-lock-lost':
      return `PostgreSQL: se perdió la conexión del bloqueo ${f.name}: ${f.why}`;
    case 'pg-listen-back':
      return 'PostgreSQL: la escucha de cambios volvió';
    case 'pg-unavailable':
      return `PostgreSQL no disponible (${f.cause}): ${f.why}`;
    case 'files-replaced':
      return `${f.file}: el archivo del almacén fue ${f.how === 'removed' ? 'borrado' : 'reemplazado'} mientras el bot funcionaba; no se aceptan más escrituras hasta reiniciar el bot`;
    default:
      return JSON.stringify(f);
  }
}

export const store: StoreStrings = { say };
