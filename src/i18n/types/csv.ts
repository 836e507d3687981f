/** What the CSV import of reports says of a file (reports/csv-import.ts), line by line. */
export interface CsvStrings {
  notUtf8: string;
  empty: string;
  emptyShort: string;
  separatorName: { semicolon: string; tab: string };
  wrongSeparator(name: string, columns: string): string;
  quoteNotClosed: string;
  quoteInField: string;
  quoteAfterStart: string;
  columnCountMismatch: string;
  invalidCsv(code: string | undefined): string;
  missingColumns(missing: string, expected: string): string;
  unknownColumns(unknown: string, expected: string): string;
  repeatedColumns(repeated: string): string;
  headerOnly: string;
  rowColumns(got: number, header: number): string;
  authorMissing: string;
  duplicateInFile(indicatorId: string, period: string, line: number): string;
}
