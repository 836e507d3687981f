/**
 * The plan workbook sent to the bot in a personal chat (chat/plan-upload.ts): the confirmation card that shows what
 * it changes and asks for the act and the effective date, the refusals, and the result.
 */
export interface PlanUploadStrings {
  /** A file from someone who is not an admin. */
  adminOnlyTitle: string;
  adminOnlyText: string;
  /** A file outside a personal chat (Teams delivers files to bots in personal chats only). */
  personalOnly: string;
  notWorkbookTitle: string;
  /** Not an .xlsx file (its name), or several files at once. */
  notWorkbook(name: string): string;
  oneFileOnly: string;
  /** Why the file could not be fetched from Teams. */
  downloadTitle: string;
  download(code: 'too-large' | 'not-allowed' | 'expired' | 'timeout' | 'failed', maxMb: number): string;
  /** The workbook could not be read as the plan workbook (not xlsx, a sheet or a column missing). */
  unreadable(text: string): string;
  refusedTitle: string;
  refusedText(errors: number, file: string): string;
  /** When more errors were found than the card lists. */
  moreErrors(n: number): string;
  unchangedTitle: string;
  previewTitle: string;
  previewText(file: string, version: number, effective: string): string;
  changesHeading(n: number): string;
  moreChanges(n: number): string;
  warningsHeading: string;
  reasonLabel: string;
  reasonPlaceholder: string;
  reasonRequired: string;
  effectiveLabel: string;
  effectiveRequired: string;
  confirm: string;
  cancel: string;
  note: string;
  /** After «Confirmar». */
  storedTitle(version: number): string;
  storedText(version: number, effective: string, reason: string, by: string): string;
  pastEffective(effective: string): string;
  alreadyStoredTitle: string;
  alreadyStored(version: number): string;
  staleTitle: string;
  stale(latest: number): string;
  changedTitle: string;
  changedText(effective: string): string;
  mismatch: string;
  invalidInputTitle: string;
  reasonMissing: string;
  reasonTooLong(max: number): string;
  effectiveInvalid: string;
  /** A «Confirmar» whose data is not a preview's (an old or altered card). */
  invalidCard: string;
  cancelledTitle: string;
  cancelledText: string;
}
