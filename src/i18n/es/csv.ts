import type { CsvStrings } from '../types/csv';

export const csv: CsvStrings = {
  notUtf8: 'El archivo no está en UTF-8: guárdelo como «CSV UTF-8» e inténtelo de nuevo.',
  empty: 'El archivo está vacío: debe tener la fila de encabezado y al menos un reporte.',
  emptyShort: 'El archivo está vacío.',
  separatorName: { semicolon: "';' (punto y coma)", tab: 'tabuladores' },
  wrongSeparator: (name, columns) =>
    `el archivo usa ${name} como separador; use comas (,). En Excel: «Guardar como» → «CSV UTF-8 (delimitado por comas)». ` +
    `Se esperan las columnas ${columns}`,
  quoteNotClosed: 'hay comillas (") que se abren y no se cierran',
  quoteInField:
    'hay comillas (") en medio de un campo: encierra el campo entre comillas y duplica las comillas internas ("")',
  quoteAfterStart:
    'hay comillas (") después del comienzo de un campo: encierra el campo completo entre comillas y duplica las comillas internas ("")',
  columnCountMismatch: 'la fila no tiene el mismo número de columnas que el encabezado',
  invalidCsv: (code) => `el CSV no es válido en esta línea${code ? ` (${code})` : ''}`,
  missingColumns: (missing, expected) => `faltan columnas en el encabezado: ${missing} (se esperan ${expected})`,
  unknownColumns: (unknown, expected) => `columnas desconocidas en el encabezado: ${unknown} (se esperan ${expected})`,
  repeatedColumns: (repeated) => `columnas repetidas en el encabezado: ${repeated}`,
  headerOnly: 'el archivo solo tiene el encabezado: no hay reportes que importar',
  rowColumns: (got, header) => `la fila tiene ${got} columnas y el encabezado ${header}`,
  authorMissing: 'reported_by: falta quién reporta (correo o id de Teams)',
  duplicateInFile: (id, period, line) =>
    `el indicador ${id} ya tiene un reporte de ${period} en la línea ${line} de este archivo`,
};
