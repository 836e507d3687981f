import type { Trend } from '../../domain/plan';

/**
 * The words of the report form, its confirmation, the owners and the audit cards, and of the admin commands.
 */

export interface ReportStrings {
  /** The evidence link on the review cards. */
  openEvidence: string;
  // Form
  formTitle: string;
  formTitleFor(id: string): string;
  /** The form's first line, matching the chosen indicator's tendencia (none chosen: both readings). */
  formIntro(trend?: Trend): string;
  labelIndicator: string;
  labelPeriod: string;
  labelValue: string;
  labelLogros: string;
  labelDificultades: string;
  labelEvidencia: string;
  placeholderIndicator: string;
  placeholderValue: string;
  placeholderLogros: string;
  placeholderDificultades: string;
  placeholderEvidencia: string;
  requiredIndicator: string;
  requiredPeriod: string;
  requiredValue: string;
  requiredLogros: string;
  requiredEvidencia: string;
  hintFor(id: string): string;
  hintTarget(year: number, target: string): string;
  hintNoTarget(year: number): string;
  hintLast(value: string, period: string): string;
  hintNoReports: string;
  hintsToggle(n: number): string;
  hintsHeading: string;
  currentMonthSuffix: string;
  btnSubmit: string;
  btnCancel: string;
  // Form notices
  notOwnerOf(id: string): string;
  unknownIndicatorNotice(id: string): string;
  invalidFormText: string;
  noIndicatorsTitle: string;
  noIndicatorsText: string;
  // Confirmation
  storedTitle: string;
  correctionTitle(version: number): string;
  duplicateTitle: string;
  duplicateText: string;
  factIndicator: string;
  factPeriod: string;
  factValue: string;
  factVersion: string;
  versionFirst: string;
  versionCorrection(v: number): string;
  factAuthor: string;
  factWhen: string;
  factLogros: string;
  factDificultades: string;
  factEvidencia: string;
  notesHeading: string;
  btnSeeIndicator(id: string): string;
  cancelledTitle: string;
  cancelledText: string;
  refusedTitle: string;
  saveFailedTitle: string;
  saveFailedText: string;
  /** The submit failed because the store needs its operator (files replaced, read-only, disk full). */
  saveFailedOperatorText: string;
  // Owners and admins
  /** The owners of one indicator of a plan (its short name: «PEI 2024–2027»). */
  ownersTitle(id: string, plan: string): string;
  ownersNone: string;
  ownersAdded(names: string): string;
  ownersRemoved(names: string): string;
  ownersUnchanged: string;
  ownersNotFound(names: string): string;
  /** Every indicator's owners in a plan (its short name). */
  allOwnersTitle(plan: string): string;
  allOwnersIntro(withOwner: number, total: number): string;
  noOwnerRow: string;
  adminsTitle: string;
  adminsConfigured: string;
  adminsAdded: string;
  adminAddedNote(name: string): string;
  adminRemovedNote(name: string): string;
  adminIsConfigured(name: string): string;
  adminNotFound(name: string): string;
  adminOnlyTitle: string;
  adminOnlyText: string;
  assignWhichIndicator: string;
  assignWhom: string;
  mentionWithoutId(text: string): string;
  /** In a 1:1 chat colleagues cannot be @mentioned: the e-mail route, with the indicator (or 4263) in the example. */
  assignByEmailPersonal(indicatorId: string): string;
  notAMention(text: string): string;
  // Audit
  auditTitle: string;
  auditTitleFor(id: string): string;
  auditIntro(shown: number, total: number): string;
  auditEmpty: string;
  auditActions: Record<string, string>;
  // Review (the planning office's review of owners' reports)
  reviewListTitle: string;
  reviewListIntro(n: number): string;
  reviewListEmpty: string;
  reviewItemLine(version: number, author: string, when: string): string;
  btnApprove: string;
  btnReturn: string;
  returnReasonLabel: string;
  returnReasonPlaceholder: string;
  btnConfirmReturn: string;
  btnReviewList(n: number): string;
  reviewDoneTitle: string;
  reviewRefusedTitle: string;
  factReview: string;
  /** The indicator's progress of the report's year, computed right after the report is stored. */
  factProgressNow(year: number): string;
  reviewState: Record<'pendiente' | 'aprobado' | 'devuelto', string>;
  returnedNoticeTitle(id: string, period: string): string;
  returnedNoticeText(reviewer: string): string;
  returnedReason: string;
  btnFixReport: string;
  fixNotice(period: string, reason: string, nextVersion: number): string;
  fixUnavailable: string;
  reviewDigestTitle(n: number): string;
  reviewDigestIntro: string;
  reviewDigestMore(n: number): string;
  missedNoticeTitle(period: string): string;
  missedNoticeText(deadline: string): string;
  missedAdminsTitle(period: string): string;
  missedAdminsText(n: number, deadline: string): string;
  missedRow(id: string, name: string, owners: string): string;
  reviewSubscribedTitle: string;
  reviewSubscribedText: string;
  reviewAlreadySubscribed: string;
  reviewUnsubscribedTitle: string;
  reviewUnsubscribedText: string;
  reviewNotSubscribed: string;
  auditNone: string;
  // Choosing the month before the form opens (a month to come, or one that may be of two years)
  whichMonthTitle: string;
  monthFuture(period: string): string;
  monthAmbiguous(past: string, future: string): string;
  monthClosedYear(period: string): string;
  monthOutsidePlan(period: string, from: number, to: number): string;
  monthChoice(period: string, current: boolean): string;
  /** The form of a month already reported: it opens with what is stored. */
  formPrefilled(period: string, version: number, next: number): string;
  /** Above the form after an invalid submit: the fields that need a change, by their labels. */
  formErrorsFields(labels: readonly string[]): string;
  /** A text field's limit, shown in its label. */
  maxCharsHint(max: number): string;
  /** The audit of a return: the reason given. */
  auditReason(reason: string): string;
  /** A correction on the review list: the value it replaces, beside the new one. */
  correctsValue(value: string, previous: string, version: number): string;
}
