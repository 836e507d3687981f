import type { CsvStrings } from '../types/csv';

export const csv: CsvStrings = {
  notUtf8: 'The file is not UTF-8: save it as “CSV UTF-8” and try again.',
  empty: 'The file is empty: it needs the header row and at least one report.',
  emptyShort: 'The file is empty.',
  separatorName: { semicolon: "';' (semicolons)", tab: 'tabs' },
  wrongSeparator: (name, columns) =>
    `the file uses ${name} as separator; use commas (,). In Excel: “Save as” → “CSV UTF-8 (comma delimited)”. ` +
    `The expected columns are ${columns}`,
  quoteNotClosed: 'a quote (") is opened and never closed',
  quoteInField: 'there is a quote (") inside a field: wrap the field in quotes and double the inner quotes ("")',
  quoteAfterStart:
    'there is a quote (") after the start of a field: wrap the whole field in quotes and double the inner quotes ("")',
  columnCountMismatch: 'the row does not have the same number of columns as the header',
  invalidCsv: (code) => `the CSV is not valid on this line${code ? ` (${code})` : ''}`,
  missingColumns: (missing, expected) => `columns missing from the header: ${missing} (expected ${expected})`,
  unknownColumns: (unknown, expected) => `unknown columns in the header: ${unknown} (expected ${expected})`,
  repeatedColumns: (repeated) => `repeated columns in the header: ${repeated}`,
  headerOnly: 'the file only has the header: there are no reports to import',
  rowColumns: (got, header) => `the row has ${got} columns and the header ${header}`,
  authorMissing: 'reported_by: who reports is missing (e-mail or Teams id)',
  duplicateInFile: (id, period, line) =>
    `indicator ${id} already has a report for ${period} on line ${line} of this file`,
};
