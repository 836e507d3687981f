import type ExcelJS from 'exceljs';

/**
 * A new exceljs workbook, the library loaded on first use: most processes that import outputs/ (a CLI `status`, the
 * bot until someone asks for a workbook, every test of the chat) never write one, and exceljs is the slowest
 * package of the project to load (about a fifth of the bot's start). Node caches it after the first call.
 */
export function newWorkbook(): ExcelJS.Workbook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, on purpose (see above)
  const { Workbook } = require('exceljs') as typeof ExcelJS;
  return new Workbook();
}
