import type { DigestStrings } from '../types/digest';

export const digest: DigestStrings = {
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  time: (h, m) => `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`,
  dayAndDate: (w, d) => `${w}, ${d}`,

  digestTitle: 'Weekly PEI digest',
  digestPeriod: (y, a) => `${y} plan year · as of ${a}`,
  digestOnDemand: (by) => `Sent at the request of ${by}.`,
  planStatusCaption: 'Plan status:',
  annualProgress: (y) => `${y} progress`,
  expectedToDate: 'Expected to date',
  fourYearProgress: 'Four-year progress',
  objectivesHeading: 'Objectives at a glance',
  objectiveRow: (n, name) => `**${n}** · ${name}`,
  objectiveDetail: (s, e, p) => `${s} · expected ${e}${p ? ` · ⏳ ${p} without a report` : ''}`,
  openObjectiveHeading: 'Open an objective',
  objectiveButton: (n) => `Obj. ${n}`,
  seeObjective: (n) => `See objective ${n}`,
  changesHeading: (since) => `Changes since the last digest (${since})`,
  changesHeadingFirst: (d) => `Changes in the last ${d} days`,
  reportsReceived: (r, i) =>
    `${r} ${r === 1 ? 'report' : 'reports'} received for ${i} ${i === 1 ? 'indicator' : 'indicators'}.`,
  noReports: 'No new reports were received.',
  reportLine: (p, v, a, ver) => `${p}: ${v}${a ? ` (${a})` : ''}${ver > 1 ? ` · correction v${ver}` : ''}`,
  statusChangesHeading: (n) => `Status changes (${n})`,
  noStatusChanges: 'No status changes.',
  firstDigestNoChanges: 'This is the first digest in this conversation: status changes will show from the next one.',
  planLabel: 'Plan',
  objectiveLabel: (n) => `Objective ${n}`,
  laggingHeading: (r, a) => `Lagging indicators: ${r} red, ${a} amber`,
  noLagging: 'No indicator is red or amber. 🎉',
  noLaggingButBehind: (u, t, y) =>
    u > 0
      ? `No indicator that reported is red or amber, but ${u} of ${t} ${t === 1 ? 'indicator has' : 'indicators have'} reported nothing in ${y}.`
      : 'No indicator is red or amber, but the plan or an objective is behind.',
  laggingDetail: (p, e, o) => `Progress ${p} of ${e} expected · Owner: ${o}`,
  pendingHeading: (p, d) => `Reports pending for ${p} (deadline: ${d})`,
  noPending: (p) => `Every indicator has reported ${p}. ✅`,
  pendingSummary: (n, u) =>
    `${n === 1 ? '1 indicator has not reported' : `${n} indicators have not reported`}${u ? ` (${u} without an owner)` : ''}.`,
  pendingOwners: (o) => `Owner: ${o}`,
  complianceLine: (y, a, t, s, p) =>
    `Reporting compliance ${y}: ${a} months on time, ${t} late, ${s} missing and ${p} not yet due («compliance» for the detail).`,
  noOwner: 'no owner',
  seeIndicator: (id) => `See indicator ${id}`,
  andMore: (n) => `and ${n} more`,
  btnSeePlan: 'See the plan',
  btnLagging: 'See lagging',
  objectivesGlance: (c) => `Objectives: ${c}`,
  pendingGlance: (p, n, d) =>
    n === 0
      ? `Every indicator has reported ${p}. ✅`
      : `${n === 1 ? '1 indicator' : `${n} indicators`} without a report for ${p} (deadline: ${d}).`,
  btnDetail: 'See the detail',
  summary: 'Weekly PEI digest',

  reminderTitle: (p) => `Reminder: ${p} report`,
  reminderGreeting: (n) => `Hello, ${n}.`,
  reminderWhen: (d, p, dl) =>
    d === 0
      ? `The ${p} report is due today, ${dl}.`
      : `${d === 1 ? '1 day' : `${d} days`} left until the ${p} report is due: ${dl} (5th business day of the month).`,
  reminderList: (n) =>
    n === 1 ? 'You have 1 indicator without a report:' : `You have ${n} indicators without a report:`,
  reminderHowTo: 'Type "report" or use the button to record progress.',
  btnReport: 'Report progress',
  btnReportIndicator: (id) => `Report ${id}`,
  remindersTitle: (p, plan) => `Reminders for the ${p} report (${plan})`,
  remindersOpen: (dl, days) =>
    days
      ? `Deadline: ${dl}. Owners with indicators not yet reported get reminders on ${days}, in their personal chat with the bot.`
      : `Deadline: ${dl}. No reminders are left before the deadline.`,
  remindersClosed: (p, dl, next) =>
    `The ${p} deadline passed on ${dl}: no month is open for reporting. The next month can be reported from ${next}.`,
  remindersNonePending: (p) => `Every indicator with an owner has reported ${p}: there are no reminders to send.`,
  remindersOwnerValue: (ids, ok) =>
    `${ids} · ${ok ? 'has a chat with the bot' : 'no chat with the bot: cannot be sent'}`,
  remindersUnassigned: (ids) => `No owner assigned (nobody is reminded): ${ids}.`,
  remindersSendButton: 'Send reminders now',
  remindersSendCommand: 'send reminders now',
  remindersSentTitle: (p) => `Reminders for ${p} sent`,
  remindersSentText: (sent, noChat, failed) =>
    [
      sent === 1 ? '1 reminder was sent.' : `${sent} reminders were sent.`,
      noChat
        ? noChat === 1
          ? '1 owner has not opened a chat with the bot and did not get it.'
          : `${noChat} owners have not opened a chat with the bot and did not get it.`
        : '',
      failed ? (failed === 1 ? '1 send failed.' : `${failed} sends failed.`) : '',
    ]
      .filter(Boolean)
      .join(' '),
  remindersNoChatList: (names) => `No chat with the bot: ${names}.`,
  remindersCannotSend: 'This server cannot send messages on its own right now; nothing was sent.',
  reminderSummary: (p) => `Reminder: ${p} report`,

  subscribedTitle: '✅ Weekly digest on',
  subscribedText: (w) =>
    `${w} will get the weekly PEI digest: plan status, the week's changes, lagging indicators and pending reports.`,
  alreadySubscribedTitle: 'The weekly digest was already on',
  alreadySubscribedText: (w) => `${w} already gets the weekly PEI digest.`,
  nextRun: (w) => `Next digest: ${w}.`,
  unsubscribedTitle: 'Weekly digest cancelled',
  unsubscribedText: (w) => `${w} will no longer get the weekly digest. You can turn it back on at any time.`,
  notSubscribedTitle: 'There was no subscription',
  notSubscribedText: (w) => `${w} was not subscribed to the weekly digest.`,
  onlyAdminsTitle: 'Admins only',
  onlyAdminsText:
    'Sending the digest on demand is for the planning office (Oficina Asesora de Planeación). Subscribed conversations get it every week on their own.',
  whereChannel: 'This channel',
  whereGroup: 'This group chat',
  wherePersonal: 'This chat',
  factSchedule: 'When',
  factNext: 'Next digest',
  factBy: 'Turned on by',
  scheduleText: (w) => `${w} (Bogotá time)`,
  btnSubscribe: 'Subscribe weekly digest',
  btnUnsubscribe: 'Cancel digest',
  btnSendNow: 'Send digest now',
  cmdSubscribe: 'subscribe weekly digest',
  cmdUnsubscribe: 'cancel digest',
  cmdSendNow: 'send digest now',
};
