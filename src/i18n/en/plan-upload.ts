import type { PlanUploadStrings } from '../types/plan-upload';

export const planUpload: PlanUploadStrings = {
  adminOnlyTitle: 'For admins only',
  adminOnlyText:
    "Only the planning office (the bot's admins) can load a new version of the plan. The file was not read.",
  personalOnly: 'Send the plan workbook in your personal chat with the bot: Teams gives bots files only there.',
  notWorkbookTitle: 'That file is not the plan workbook',
  notWorkbook: (name) =>
    `“${name}” is not an Excel workbook (.xlsx). Send the workbook that «plan export» writes, with your changes.`,
  oneFileOnly: 'Send one plan workbook at a time.',
  downloadTitle: 'The file could not be read',
  download: (code, maxMb) => {
    switch (code) {
      case 'too-large':
        return `The file is larger than ${maxMb} MB: it is not the plan workbook. Nothing was stored.`;
      case 'not-allowed':
        return 'Teams did not give a trusted download address for the file. Nothing was stored.';
      case 'expired':
        return "Teams' link to download the workbook has expired. Send the workbook again. Nothing was stored.";
      case 'timeout':
        return 'Teams took too long to hand over the file. Try again in a moment. Nothing was stored.';
      case 'failed':
        return 'Teams did not hand over the file. Try again in a moment. Nothing was stored.';
    }
  },
  unreadable: (text) => text,
  refusedTitle: 'The workbook has errors: nothing was stored',
  refusedText: (n, file) => `${n} ${n === 1 ? 'problem' : 'problems'} in ${file}. Fix them and send it again.`,
  moreErrors: (n) => `… and ${n} more ${n === 1 ? 'problem' : 'problems'}.`,
  unchangedTitle: 'Nothing to change',
  previewTitle: 'New plan version: please confirm',
  previewText: (file, v, eff) =>
    `What ${file} changes against version ${v} of the plan (in force on ${eff}). Nothing has been stored yet.`,
  changesHeading: (n) => `${n} ${n === 1 ? 'change' : 'changes'}:`,
  moreChanges: (n) => `… and ${n} more ${n === 1 ? 'change' : 'changes'}.`,
  warningsHeading: 'Warnings (they do not prevent storing):',
  reasonLabel: 'Administrative act that approves the change',
  reasonPlaceholder: 'For example, Resolución 45 de 2025',
  reasonRequired: 'Cite the administrative act.',
  effectiveLabel: 'Effective date',
  effectiveRequired: 'Say from which date it applies.',
  confirm: 'Confirm',
  cancel: 'Cancel',
  note: 'Figures as of dates before the effective date do not change.',
  storedTitle: (v) => `✅ Plan version ${v} stored`,
  storedText: (v, eff, reason, by) => `Plan version ${v} stored, in force from ${eff} (${reason}), loaded by ${by}.`,
  pastEffective: (eff) =>
    `The effective date (${eff}) is not in the future: figures as of ${eff} on change; earlier ones stay as they were.`,
  alreadyStoredTitle: 'Already stored',
  alreadyStored: (v) => `This workbook already is version ${v} of the plan: it was not stored again.`,
  staleTitle: 'The plan changed since this preview',
  stale: (latest) =>
    `Another version of the plan was stored after you sent the workbook (the latest is now ${latest}). Nothing was stored: send the workbook again to see what it changes against it.`,
  changedTitle: 'The changes differ on that date',
  changedText: (eff) =>
    `In force from ${eff}, the workbook changes other things than those shown (another version applies on that date). Nothing was stored: review the changes and confirm again.`,
  mismatch:
    'The file Teams hands over is no longer the one that was reviewed (it was edited after it was sent). Nothing was stored: send the workbook again.',
  invalidInputTitle: 'Something is missing',
  reasonMissing:
    'Cite the administrative act that changes the plan (e.g. “Resolución 45 de 2025”). Nothing was stored.',
  reasonTooLong: (max) => `The administrative act may be up to ${max} characters long. Nothing was stored.`,
  effectiveInvalid: 'The effective date must be a date (YYYY-MM-DD). Nothing was stored.',
  invalidCard:
    'This card does not carry the data of the workbook that was reviewed. Nothing was stored: send the workbook again.',
  cancelledTitle: 'Upload cancelled',
  cancelledText: 'No plan version was stored.',
};
