import { joinList, numberText, periodText } from '../format';
import type { ReportStrings } from '../types/report';

export const report: ReportStrings = {
  openEvidence: 'Open evidence',
  formTitle: 'Report progress',
  formTitleFor: (id) => `Report progress · indicator ${id}`,
  formIntro: (t) =>
    (t === undefined
      ? 'Report the month’s progress: for a sum indicator, what was achieved in the month; for the others (increasing, constant, decreasing), the level reached to date.'
      : t === 'suma'
        ? 'Report what was achieved in the month: this indicator adds up the months’ values.'
        : 'Report the level reached to date (the cumulative value), not what was achieved in the month alone.') +
    ' Fields marked * are required.',
  labelIndicator: 'Indicator',
  labelPeriod: 'Reporting month',
  labelValue: 'Value',
  labelLogros: 'Achievements in the period',
  labelDificultades: 'Difficulties, solutions or justification',
  labelEvidencia: 'Evidence link (https://…)',
  placeholderIndicator: 'Choose the indicator',
  // Values the parser takes in English: "1,500" alone is ambiguous in Bogotá (1,5 or 1500) and is refused.
  placeholderValue: 'For example 1500 · 1,500.5 · 0.25 · 75%',
  placeholderLogros: 'What was achieved in the month (at least 10 characters)',
  placeholderDificultades: 'Required when the progress is 0, exceeds the target or the level drops',
  placeholderEvidencia: 'https://…',
  requiredIndicator: 'Choose the indicator.',
  requiredPeriod: 'Choose the month.',
  requiredValue: 'Type the value.',
  requiredLogros: 'Describe the achievements.',
  requiredEvidencia: 'Paste the https:// link to the evidence.',
  hintFor: (id) => `Indicator ${id}`,
  hintTarget: (y, t) => `${y} target: ${t}`,
  hintNoTarget: (y) => `no target in ${y}`,
  hintLast: (v, p) => `last report: ${v} (${p})`,
  hintNoReports: 'no reports yet',
  hintsToggle: (n) => `What to report for each indicator (${n})`,
  hintsHeading:
    'Sum: the progress in the period (what was achieved in the month). Increasing, constant and decreasing: the cumulative value to date.',
  currentMonthSuffix: ' (in progress)',
  btnSubmit: 'Submit report',
  btnCancel: 'Cancel',
  notOwnerOf: (id) => `You are not an owner of indicator ${id}. These are the indicators you can report.`,
  unknownIndicatorNotice: (id) => `Indicator ${id} does not exist in the plan. Choose one from the list.`,
  invalidFormText: 'This form is not valid and nothing was saved. Type “report progress” to open a new one.',
  noIndicatorsTitle: 'You have no indicators assigned',
  noIndicatorsText:
    'Only an indicator’s owners and the planning office (Oficina Asesora de Planeación) can report progress. If you should report, ask the planning office to assign you as an owner.',
  storedTitle: '✅ Report saved',
  correctionTitle: (v) => `✅ Correction saved (v${v})`,
  duplicateTitle: 'This report was already saved',
  duplicateText: 'We had already received this form: nothing new was stored.',
  factIndicator: 'Indicator',
  factPeriod: 'Month',
  factValue: 'Value',
  factVersion: 'Version',
  versionFirst: 'v1 (first report of the month)',
  versionCorrection: (v) => `correction v${v}`,
  factAuthor: 'Reported by',
  factWhen: 'Saved',
  factLogros: 'Achievements',
  factDificultades: 'Difficulties',
  factEvidencia: 'Evidence',
  notesHeading: 'Notes',
  btnSeeIndicator: (id) => `See indicator ${id}`,
  cancelledTitle: 'Report cancelled',
  cancelledText: 'Nothing was saved. Type “report progress” whenever you want to start again.',
  refusedTitle: 'The report was not saved',
  saveFailedTitle: 'The report could not be saved',
  saveFailedText:
    "The bot's database did not answer in time and your report was not saved. Send this same form again in a few minutes (it will not be stored twice); if it keeps failing, tell the planning office.",
  saveFailedOperatorText:
    "The bot's storage has a problem its administrator must fix, so your report was not saved. Tell the bot's administrator or the planning office, and send this form again once they confirm it is fixed.",
  ownersTitle: (id, plan) => `Owners of indicator ${id} (${plan})`,
  ownersNone: 'This indicator has no owners assigned.',
  ownersAdded: (n) => `${n} assigned as owner.`,
  ownersRemoved: (n) => `${n} removed as owner.`,
  ownersUnchanged: 'Nothing changed: it was already so.',
  ownersNotFound: (n) => `${n} was not an owner of this indicator.`,
  allOwnersTitle: (plan) => `Indicator owners (${plan})`,
  allOwnersIntro: (w, t) => `${w} of ${t} indicators have an owner assigned.`,
  noOwnerRow: 'No owner',
  adminsTitle: 'Bot administrators',
  adminsConfigured: 'Configured (PEI_ADMINS)',
  adminsAdded: 'Added in chat',
  adminAddedNote: (n) =>
    `${n} is now an administrator: they can assign owners, report any indicator and see the audit log.`,
  adminRemovedNote: (n) => `${n} is no longer an administrator.`,
  adminIsConfigured: (n) =>
    `${n} is an administrator by configuration (PEI_ADMINS): only changing that setting removes them.`,
  adminNotFound: (n) => `${n} was not an administrator added in chat.`,
  adminOnlyTitle: 'Administrators only',
  adminOnlyText: 'This is for the planning office (the bot’s administrators). If you need the change, please ask them.',
  assignWhichIndicator:
    'Say which indicator, for example: “assign owner 4263 @Ana” or “assign owner 4263 ana.perez@secretariageneral.gov.co”.',
  assignWhom: 'Say who: @mention them in Teams or type their e-mail, for example “assign owner 4263 @Ana”.',
  mentionWithoutId: (t) => `I can’t tell who “${t}” is: type @ and pick the person from the list, or use their e-mail.`,
  notAMention: (t) => `I can’t tell who “${t}” is: it is not a Teams mention.`,
  assignByEmailPersonal: (id) =>
    `In this personal chat colleagues can’t be @mentioned (Teams only lets you mention people in the conversation). Type their work e-mail, for example “assign owner ${id} ana.perez@secretariageneral.gov.co”: they become the owner and I’ll recognise them when they write from that account. In a channel or group chat you can also @mention them.`,
  auditTitle: 'Audit log',
  auditTitleFor: (id) => `Audit log of indicator ${id}`,
  auditIntro: (s, t) =>
    t > s ? `The latest ${s} of ${t} changes.` : t === 1 ? '1 change recorded.' : `${t} changes recorded.`,
  auditEmpty: 'No changes recorded.',
  auditActions: {
    'report.create': 'Report',
    'report.correct': 'Report correction',
    'owners.set': 'Owners',
    'admin.add': 'Administrator added',
    'admin.remove': 'Administrator removed',
    'subscription.add': 'Digest subscription',
    'subscription.remove': 'Subscription cancelled',
    'report.approve': 'Report approved',
    'report.return': 'Report returned',
  },
  reviewListTitle: 'Reports to review',
  reviewListIntro: (n) =>
    n === 1
      ? "1 report waits for the planning office's review (oldest first)."
      : `${n} reports wait for the planning office's review (oldest first).`,
  reviewListEmpty: 'Nothing to review. ✅',
  reviewItemLine: (v, a, w) => `v${v} · ${a} · ${w}`,
  btnApprove: 'Approve',
  btnReturn: 'Return',
  returnReasonLabel: 'Reason for returning it (at least 10 characters)',
  returnReasonPlaceholder: 'What the owner must fix',
  btnConfirmReturn: 'Return to the owner',
  btnReviewList: (n) => `Reports to review (${n})`,
  reviewDoneTitle: 'Review recorded',
  reviewRefusedTitle: 'The review was not recorded',
  factReview: 'Review',
  factProgressNow: (y) => `Indicator progress ${y}`,
  reviewState: { pendiente: '⏳ to review', aprobado: '✅ approved', devuelto: '↩️ returned' },
  returnedNoticeTitle: (id, p) => `↩️ Your report of indicator ${id} for ${p} was returned`,
  returnedNoticeText: (who) =>
    `${who} (planning office) returned the report; it no longer counts in the figures. Fix it and send it again.`,
  returnedReason: 'Reason',
  btnFixReport: 'Fix the report',
  fixNotice: (p, r, next) =>
    `Fix the report for ${p} that was returned: the form shows what is stored and, if you send it, it will be version ${next}. Reason: ${r}`,
  fixUnavailable:
    'That report is no longer returned (it was corrected or reviewed again). Write "report progress" to open the form.',
  reviewDigestTitle: (n) => (n === 1 ? '1 report to review' : `${n} reports to review`),
  reviewDigestIntro: "These owners' reports wait for the planning office's review (oldest first).",
  reviewDigestMore: (n) => `and ${n} more`,
  missedNoticeTitle: (p) => `⚠️ The report for ${p} is overdue`,
  missedNoticeText: (d) =>
    `The deadline was ${d} and we have not received the report of these indicators. Please report it as soon as you can: the planning office was told.`,
  missedAdminsTitle: (p) => `⚠️ Reports for ${p} not received`,
  missedAdminsText: (n, d) =>
    n === 1
      ? `1 indicator was not reported by the deadline (${d}):`
      : `${n} indicators were not reported by the deadline (${d}):`,
  missedRow: (id, name, owners) => `**${id}** · ${name} — ${owners}`,
  reviewSubscribedTitle: '✅ Review digest on',
  reviewSubscribedText:
    "Every business day from 8:00 this conversation gets one message with the reports waiting for the planning office's review (when there are any).",
  reviewAlreadySubscribed: 'This conversation already gets the daily digest of reports to review.',
  reviewUnsubscribedTitle: 'Review digest cancelled',
  reviewUnsubscribedText:
    'This conversation no longer gets the daily digest of reports to review. Admins still get it in their personal chat.',
  reviewNotSubscribed: 'This conversation was not subscribed to the digest of reports to review.',
  auditNone: 'none',
  whichMonthTitle: 'Which month do you want to report?',
  monthFuture: (p) => `${periodText(p, 'en')} has not come yet. Choose the month you want to report:`,
  monthAmbiguous: (past, future) =>
    `Do you mean ${periodText(past, 'en')}? ${periodText(future, 'en')} has not come yet. Choose the month you want to report:`,
  monthClosedYear: (p) =>
    `The ${p.slice(0, 4)} reporting year is closed: only the Planning Office can correct ${periodText(p, 'en')}. Choose the month you want to report:`,
  monthOutsidePlan: (p, from, to) =>
    `${periodText(p, 'en')} is outside the plan (${from}–${to}). Choose the month you want to report:`,
  monthChoice: (p, current) => `${periodText(p, 'en')}${current ? ' (in progress)' : ''}`,
  formPrefilled: (p, v, next) =>
    `${periodText(p, 'en')} already has a report (version ${v}): the form shows what is stored. If you send it, it will be saved as version ${next}.`,
  formErrorsFields: (labels) =>
    labels.length === 1
      ? `Check the field “${labels[0]}”, marked in red below it; nothing was saved.`
      : `Check the fields ${joinList(
          labels.map((l) => `“${l}”`),
          'en',
        )}, marked in red below each; nothing was saved.`,
  maxCharsHint: (max) => `at most ${numberText(max, 'en')} characters`,
  auditReason: (r) => `Reason: “${r}”`,
  correctsValue: (v, p, n) => `${v} (was ${p} in v${n})`,
};
