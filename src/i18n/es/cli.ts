import type { CliStrings } from '../types/cli';

export const cli: CliStrings = {
  usage: `Uso: npm run cli -- <comando>

  status [--year AAAA] [--as-of AAAA-MM-DD] [--plan ID] [--json]   estado del plan (tabla en español o JSON)
  check-plan [--json]                                   hallazgos de calidad de datos del plan
  import-reports ARCHIVO.csv                            importación masiva de reportes (todo o nada)
  export --year AAAA --quarter T [--plan ID] --out ARCHIVO.xlsx   libro de seguimiento trimestral (Excel)
  migrate-store --from ARCHIVO --to URL                 copia el almacén JSON a PostgreSQL (todo o nada)
  plan export [--plan ID] --out ARCHIVO.xlsx            el plan vigente como libro de Excel para editar
  plan import ARCHIVO.xlsx --reason "TEXTO" [--effective AAAA-MM-DD]   nueva versión del plan, o un plan nuevo
  plan versions [--plan ID] [--json]                    las versiones del plan
  (sin --plan: el plan vigente en la fecha de corte; con varios, el primero cargado)`,
  importUsage: 'Uso: npm run cli -- import-reports ARCHIVO.csv [--actor NOMBRE]',
  unknownCommand: (c) => `Comando desconocido: ${c}`,
  error: (m) => `Error: ${m}`,
  asOfInvalid: (got) => `--as-of debe ser una fecha AAAA-MM-DD (recibido: ${got})`,
  yearInvalid: (got) => `--year debe ser un año AAAA (recibido: ${got})`,
  quarterMissing: 'falta --quarter (1, 2, 3 o 4)',
  quarterInvalid: (got) => `--quarter debe ser 1, 2, 3 o 4 (recibido: ${got})`,
  outMissing: 'falta --out ARCHIVO.xlsx',
  outNotXlsx: (got) => `--out debe terminar en .xlsx (recibido: ${got})`,
  writeFailed: (file, m) => `No se pudo escribir ${file}: ${m}`,
  exported: (q, y, asOf, running, file, bytes) =>
    `Seguimiento T${q} ${y} (corte ${asOf}${running ? ', trimestre en curso' : ''}) escrito en ${file} (${bytes} bytes).`,
  status: {
    rojo: 'rojo',
    amarillo: 'amarillo',
    verde: 'verde',
    'sobre-ejecucion': 'sobre-ejecución',
    'sin-meta': 'sin meta',
    'sin-datos': 'sin datos',
  },
  statusTitle: (plan, y, asOf, m) => `${plan} — vigencia ${y}, corte ${asOf} (${m} meses cerrados)`,
  statusPlanLine: (p, e, c, s) => `Plan: avance ${p} | esperado ${e} | cuatrienio ${c} | ${s}`,
  colIndicator: 'Obj/Indicador',
  colName: 'Nombre',
  colProgress: 'Avance',
  colExpected: 'Esperado',
  colFourYear: 'Cuatrienio',
  colStatus: 'Estado',
  objective: (n) => `Objetivo ${n}`,
  pendingTag: ' (pendiente)',
  checkTitle: (n, fresh) => `Revisión del plan: ${n} hallazgos (${fresh} nuevos)`,
  checkKnown: 'conocido',
  checkNew: 'NUEVO',
  checkObjective: (n) => `objetivo ${n}`,
  checkStale: (code, ref) => `[ya no aparece] ${code} ${ref}: el hallazgo reconocido ya no se presenta en los datos`,
  checkOk: 'Resultado: solo hallazgos conocidos de la fuente (semilla).',
  checkNotOk: 'Resultado: hay hallazgos nuevos que revisar.',
  importActor: (user) => `Importación CSV (${user})`,
  oneFileOnly: 'indique un solo archivo CSV',
  fileMissing: 'falta el archivo CSV',
  noSuchFile: (file) => `No existe el archivo ${file}.`,
  cannotRead: (file, m) => `No se pudo leer ${file}: ${m}`,
  warning: (m) => `Aviso: ${m}`,
  storeLocked: (file, pid) =>
    `El almacén ${file} está en uso por otro proceso${pid ? ` (pid ${pid})` : ''}, probablemente el bot. ` +
    `Detenga el bot antes de importar (la importación necesita el almacén en exclusiva) y vuelva a ejecutar el comando. No se importó nada.`,
  storeUnavailable: (file, m) => `No se pudo abrir el almacén ${file}: ${m}. No se importó nada.`,
  nothingImported: (m) => `No se importó nada: ${m}`,
  importErrors: (errors, rows, file, lines) =>
    `No se importó nada: ${errors === 1 ? 'hay 1 error' : `hay ${errors} errores`}` +
    `${rows > 1 ? ` en ${rows} filas` : ''} en ${file}.\n${lines}\n` +
    'Corrija el archivo y vuelva a importarlo (la importación es todo o nada).',
  errorLine: (line, m) => (line > 0 ? `  línea ${line}: ${m}` : `  ${m}`),
  imported: (n) => `${n} ${n === 1 ? 'reporte importado' : 'reportes importados'}`,
  duplicates: (n) => `${n} ya ${n === 1 ? 'existía' : 'existían'}`,
  corrections: (n) => `${n} ${n === 1 ? 'es corrección' : 'son correcciones'} de reportes anteriores`,
  importSummary: (parts, file) => `${parts.join(', ')} (${file}).`,
  warningLine: (line, m) => `  Aviso, línea ${line}: ${m}`,
  alreadyImported: 'Este archivo ya se había importado: no se guardó nada nuevo.',
  migrateFromMissing: 'falta --from ARCHIVO (el almacén JSON, p. ej. data/db.json)',
  migrateToMissing: 'falta --to URL (postgres://usuario:clave@servidor:5432/base)',
  migrateToInvalid: (got) => `--to debe ser una dirección postgres://… (recibido: ${got})`,
  migrateNoSource: (file) => `No existe el almacén ${file}. No se copió nada.`,
  migrateFailed: (to, m) => `No se pudo copiar a ${to}: ${m}. No se copió nada.`,
  migrateRefused: (to, file) =>
    `La base de datos ${to} ya tiene datos que no son los de ${file}. No se copió nada: use una base de datos vacía (o la que ya recibió este mismo archivo).`,
  migrateCounts: (n) =>
    `${n.reports} versiones de reportes, ${n.audit} entradas de auditoría, ${n.owners} indicadores con responsables, ` +
    `${n.admins} administradores, ${n.subscriptions} suscripciones, ${n.conversations} conversaciones, ${n.sent} envíos registrados, ${n.planVersions} versiones del plan`,
  migrateCopied: (file, to, what) => `Copiado de ${file} a ${to}: ${what}.`,
  migrateUnchanged: (to, file, what) =>
    `${to} ya tiene exactamente el contenido de ${file} (${what}); no se cambió nada.`,
};
