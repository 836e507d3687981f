import type { StoreDoing, StoreFileKind, StoreStrings } from '../types/store';
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
  audit: 'El registro de auditoría',
  reports: 'El registro de reportes',
};
const LOG = { audit: 'auditoría', reports: 'reportes' } as const;
const lines = (n: number) => `${n} ${n === 1 ? 'línea' : 'líneas'}`;
const UNTOUCHED = 'No se modificó ningún archivo (left untouched): restaure el almacén desde una copia de seguridad o apártelo para empezar con uno vacío.';

export const store: StoreStrings = {
  untouched: UNTOUCHED,
  doesNotStart: (why) => `${why}: no se inicia el almacén. ${UNTOUCHED}`,
  diskFull: (d, file, errno) => `No hay espacio en el disco para ${DOING[d]} ${file} (${errno}). Libere espacio; el almacén sigue funcionando cuando lo haya.`,
  readOnlyFs: (d, file, errno) => `El sistema de archivos de ${file} es de solo lectura (${errno}): no se puede ${DOING[d]} el archivo.`,
  noPermission: (d, file, errno) => `Sin permiso para ${DOING[d]} ${file} (${errno}). Revise los permisos del archivo y de su carpeta.`,
  pathIsFile: (d, file, errno) => `No se puede ${DOING[d]} ${file}: una parte de la ruta es un archivo y no una carpeta (${errno}). Revise PEI_DB_FILE.`,
  isFolder: (d, file, errno) => `No se puede ${DOING[d]} ${file}: es una carpeta y no un archivo (${errno}). Revise PEI_DB_FILE.`,
  ioFailed: (d, file, why) => `No se pudo ${DOING[d]} ${file}: ${why}.`,
  cannotRead: (file, why) => `No se pudo leer ${file} (${why}). ${UNTOUCHED}`,
  folderIsFile: (dir) => `La carpeta del almacén ${dir} es un archivo, no una carpeta. Revise PEI_DB_FILE.`,
  notWritable: (kind, file) =>
    `${KIND[kind]} ${file} es de solo lectura: el bot no puede guardar en él y no se inicia. ` +
    'Devuélvale el permiso de escritura (chmod u+w), o abra el almacén en modo de solo lectura.',

  lockInfoFailed: (file, why) => `PEI store: no se pudo escribir el archivo informativo ${file} (${why}); el bloqueo sigue vigente`,
  lockFailed: (file) => `No se pudo tomar el bloqueo ${file}`,
  heldBy: (pid, lockFile) => `en uso por ${pid ? `el proceso ${pid}` : 'otro proceso'} (in use by process ${pid ?? '?'}; bloqueo ${lockFile})`,
  lockedExclusive: (doc, why) => `El almacén ${doc} está ${why}: detenga ese proceso primero`,
  openedReadOnly: (doc, why) => `PEI store ${doc} está ${why}: se abrió en solo lectura`,
  readOnlyAsked: 'abierto en solo lectura',

  closed: (doc) => `El almacén ${doc} está cerrado (closed)`,
  readOnly: (doc, why) => `El almacén ${doc} está abierto en solo lectura (read-only: ${why}); no se guardó nada`,
  writeNotUndone: (doc, why, undoWhy) =>
    `Falló una escritura en el almacén ${doc} (${why}) y no se pudo deshacer (${undoWhy}); el almacén no acepta más escrituras hasta que se reinicie el bot`,
  logNotOpen: (file) => `El registro ${file} no está abierto`,

  docRoot: 'el documento',
  invalidRecord: (where, shown, problem) => `el registro ${where} ${shown} no es válido (${problem})`,
  notAStore: (file, format) => `El documento ${file} no es un almacén del PEI Bot (no tiene la cabecera "format": "${format}")`,
  wrongVersion: (file, got, readable) => `El documento ${file} tiene la versión de formato ${got}; este programa lee las versiones 1 y ${readable}`,
  inDocument: (file, what) => `En el documento ${file}, ${what}`,
  docTampered: (file) => `El documento ${file} fue modificado fuera del bot o está dañado (su suma de verificación "integrity" no coincide con su contenido)`,
  notJson: (why) => `no es JSON válido (${why})`,
  docNotJson: (file, why) => `El documento ${file} no es JSON válido (${why})`,
  badLine: (file, line, what, why) => `${file}: line ${line} is not a valid ${what === 'audit' ? 'audit entry' : 'report'} — la línea ${line} no es válida: ${why}`,
  logMissing: (what, file, doc, n) => `Falta el registro de ${LOG[what]} ${file}, pero el documento ${doc} registra ${lines(n)} en él`,
  logShorter: (what, file, n, bytes, doc, docLines, docBytes) =>
    `El registro de ${LOG[what]} ${file} tiene ${lines(n)} (${bytes} bytes) pero el documento ${doc} registra ${lines(docLines)} (${docBytes} bytes)`,
  logChanged: (what, file, doc, n) =>
    `El registro de ${LOG[what]} ${file} no coincide con lo que registra el documento ${doc} para sus primeras ${lines(n)}: fue reemplazado, reordenado o modificado`,
  logTornVouched: (what, file, doc) => `El registro de ${LOG[what]} ${file} termina en una línea incompleta que el documento ${doc} da por escrita`,
  docMissing: (doc, held) =>
    `Falta el documento ${doc} pero ${held.map((h) => `${h.file} tiene ${h.lines} líneas`).join(' y ')}: ` +
    `sin él se perderían los ${joinList(['responsables', 'administradores', 'suscripciones', 'conversaciones', 'envíos'], 'es')}`,
  auditMissing: (file, doc, n) => `Falta el registro de auditoría ${file} (${file} is missing), pero el documento ${doc} registra ${n} entradas`,
  auditOutOfOrder: (file, seq, prev) => `El registro de auditoría ${file} está desordenado: la entrada ${seq} viene después de la ${prev}`,
  auditEntryNoReport: (file, seq) => `La entrada ${seq} del registro de auditoría ${file} no contiene el reporte que registra`,
  auditBehindDoc: (file, seq, doc, docSeq) => `El registro de auditoría ${file} llega hasta la entrada ${seq} pero el documento ${doc} registra cambios hasta la entrada ${docSeq}`,
  reportsAhead: (file, n, audit, vouched) => `El registro de reportes ${file} tiene ${n} reportes pero el registro de auditoría ${audit} respalda solo ${vouched}`,
  reportMismatch: (file, i, id, audit, auditId) =>
    `El reporte ${i} del registro de reportes ${file} (${id}) no coincide con el que registra el registro de auditoría ${audit} (${auditId})`,

  tornLineCut: (file, bytes) => `${file}: cut a torn last line — se cortó una última línea incompleta (${bytes} bytes, una escritura no confirmada)`,
  lastLineCompleted: (file) => `${file}: se completó una última línea sin salto de línea`,
  reportsRestored: (file, n) => `${file}: se restauraron ${n} reporte(s) desde el registro de auditoría`,
  rolledForward: (file, n) => `${file}: rolled forward ${n} change(s) — se aplicaron ${n} cambio(s) desde el registro de auditoría`,
  upgraded: (file, v) => `${file}: actualizado al formato ${v} (contadores de los registros y suma de verificación)`,

  pgPoolLost: (why) => `PostgreSQL: conexión del grupo perdida: ${why}`,
  pgListenLost: (why) => `PostgreSQL: se perdió la escucha de cambios (${why}); se intenta de nuevo`,
  pgListenFailed: (why) => `PostgreSQL: no se pudo escuchar los cambios: ${why}`,
  pgLockLost: (name, why) => `PostgreSQL: se perdió la conexión del bloqueo ${name}: ${why}`,
};
