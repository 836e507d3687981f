/** The words of the digest, reminder and subscription cards (views/digest-cards.ts). */
export interface DigestStrings {
  weekdays: readonly string[];
  /** "8:00 a. m." */
  time(hour: number, minute: number): string;
  /** "lunes 7 de julio de 2025" from the weekday and formatDate's text. */
  dayAndDate(weekday: string, date: string): string;

  // Digest
  digestTitle: string;
  digestPeriod(year: number, asOf: string): string;
  digestOnDemand(by: string): string;
  planStatusCaption: string;
  annualProgress(year: number): string;
  expectedToDate: string;
  fourYearProgress: string;
  objectivesHeading: string;
  objectiveRow(n: number, name: string): string;
  objectiveDetail(status: string, expected: string, pending: number): string;
  openObjectiveHeading: string;
  objectiveButton(n: number): string;
  seeObjective(n: number): string;
  changesHeading(since: string): string;
  changesHeadingFirst(days: number): string;
  reportsReceived(reports: number, indicators: number): string;
  noReports: string;
  reportLine(period: string, value: string, author: string, version: number): string;
  statusChangesHeading(n: number): string;
  noStatusChanges: string;
  firstDigestNoChanges: string;
  planLabel: string;
  objectiveLabel(n: number): string;
  laggingHeading(red: number, amber: number): string;
  noLagging: string;
  /** No indicator in red or amber, but the plan or an objective lags, or indicators have reported nothing: no 🎉. */
  noLaggingButBehind(unreported: number, withTarget: number, year: number): string;
  laggingDetail(progress: string, expected: string, owner: string): string;
  pendingHeading(period: string, deadline: string): string;
  noPending(period: string): string;
  pendingSummary(pending: number, unassigned: number): string;
  pendingOwners(owners: string): string;
  complianceLine(year: number, onTime: number, late: number, missing: number, open: number): string;
  noOwner: string;
  seeIndicator(id: string): string;
  andMore(n: number): string;
  btnSeePlan: string;
  btnLagging: string;
  /** The digest's glance (one screen): the objectives by colour ("🟢 5 · 🟡 4 · 🔴 1"). */
  objectivesGlance(counts: string): string;
  /** The month that closed: how many indicators still owe its report, and until when. */
  pendingGlance(period: string, missing: number, deadline: string): string;
  /** The button that opens the digest's detail (objectives, changes, lagging, pending) under the glance. */
  btnDetail: string;
  summary: string;

  // Reminder
  reminderTitle(period: string): string;
  reminderGreeting(name: string): string;
  reminderWhen(daysLeft: number, period: string, deadline: string): string;
  reminderList(n: number): string;
  reminderHowTo: string;
  btnReport: string;
  btnReportIndicator(id: string): string;
  reminderSummary(period: string): string;

  // The admins' view of the reminders («recordatorios», «enviar recordatorios ahora»)
  /** The reminders of a month's report, for a plan (its short name: «PEI 2024–2027»). */
  remindersTitle(period: string, plan: string): string;
  remindersOpen(deadline: string, days: string | null): string;
  remindersClosed(period: string, deadline: string, next: string): string;
  remindersNonePending(period: string): string;
  remindersOwnerValue(ids: string, reachable: boolean): string;
  remindersUnassigned(ids: string): string;
  remindersSendButton: string;
  remindersSendCommand: string;
  remindersSentTitle(period: string): string;
  remindersSentText(sent: number, noChat: number, failed: number): string;
  remindersNoChatList(names: string): string;
  remindersCannotSend: string;

  // Subscription
  subscribedTitle: string;
  subscribedText(where: string): string;
  alreadySubscribedTitle: string;
  alreadySubscribedText(where: string): string;
  nextRun(when: string): string;
  unsubscribedTitle: string;
  unsubscribedText(where: string): string;
  notSubscribedTitle: string;
  notSubscribedText(where: string): string;
  onlyAdminsTitle: string;
  onlyAdminsText: string;
  whereChannel: string;
  whereGroup: string;
  wherePersonal: string;
  factSchedule: string;
  factNext: string;
  factBy: string;
  scheduleText(when: string): string;
  btnSubscribe: string;
  btnUnsubscribe: string;
  btnSendNow: string;
  cmdSubscribe: string;
  cmdUnsubscribe: string;
  cmdSendNow: string;
}
