import { formatDate, formatNumber } from '../format';
import type { Strings } from '../types/cards';

/** The cards' words in English. */
export const cards: Strings = {
  objective: (n, name) => `Objective ${n} · ${name}`,
  objectiveShort: (n) => `Objective ${n}`,
  indicator: (id) => `Indicator ${id}`,
  periodLine: (year, asOf) => (asOf ? `Year ${year} · as of ${asOf}` : `Year ${year}`),
  statusCaption: 'Status',
  annualProgress: 'Annual progress',
  expectedToDate: 'Expected to date',
  fourYearProgress: 'Four-year progress',
  quote: (t) => `“${t}”`,
  andMore: (n) => `and ${n} more`,

  btnSeeIndicator: (id) => `See indicator ${id}`,
  btnSeeObjective: (n) => `See objective ${n}`,
  btnReport: 'Report progress',
  btnWholePlan: 'See the whole plan',
  btnSeePlan: 'See the plan',
  btnLagging: "What's lagging",
  btnHelp: 'Help',
  btnView: 'View',

  indicatorsHeading: (n) => (n === 1 ? 'Indicator (1)' : `Indicators (${n})`),
  tapIndicatorHint: 'Tap an indicator to see its detail and reports.',
  weight: 'Weight',
  targetOfYear: (y) => `${y} target`,
  reprogrammed: (before) => `target reprogrammed, was ${before}`,
  factReprogrammed: (y) => `${y} target reprogrammed`,
  executed: 'Executed',
  expected: 'Expected',
  lastReport: 'Last report',
  noReports: 'No reports',
  owner: 'Owner',
  noOwner: 'No owner',
  pendingIndicator: (y) => `⏳ Pending: no report in ${y}`,
  unreviewedLine: (m) => `🔎 To review: ${m} (it counts while the planning office reviews it)`,
  reviewTag: '🔎 to review',
  btnReviewList: (n) => `Reports to review (${n})`,
  btnExplain: 'How is it calculated?',
  pendingSummary: (p, n, y) =>
    p === 0
      ? `Every indicator with a ${y} target has a report.`
      : `⏳ ${p} of ${n} ${n === 1 ? 'indicator' : 'indicators'} with a ${y} target ${p === 1 ? 'has' : 'have'} no report yet.`,
  noTargetThisYear: (y) => `No target in ${y}: not weighed this year`,

  trend: {
    suma: 'Sum: each report is what the month achieved',
    creciente: 'Increasing: each report is the cumulative level reached',
    constante: 'Constant: each report is the level reached',
    decreciente: 'Decreasing: each report is the level reached',
  },
  unit: { number: 'Number', percent: 'Percent' },
  factMeta: 'Goal',
  factTrend: 'Trend',
  factUnit: 'Unit',
  factWeight: (n) => `Weight in objective ${n}`,
  factBaseline: 'Baseline',
  baselineMissing: 'Not recorded (0 is used)',
  factFourYearTarget: '2024-2027 target',
  factOwner: 'Owner',
  factArea: 'Area',
  programHeading: 'Programmed and executed by year',
  colYear: 'Year',
  colProgrammed: 'Programmed',
  colExecuted: 'Executed',
  colProgress: 'Progress',
  fourYearRow: 'Four years',
  chartMonthlyHeading: (y) => `Month by month in ${y}`,
  chartMonth: 'Month',
  chartMonthAxis: 'Month (1 = January)',
  chartYearToDate: 'Year to date',
  chartReportedLevel: 'Reported level',
  chartExpected: 'Expected',
  chartIndicatorsHeading: (y) => `Its indicators' progress in ${y}`,
  chartIndicator: 'Indicator',
  chartPercentAxis: 'Percent (%)',
  historyHeading: (n) => `Reports (${n})`,
  noHistory: 'This indicator has no reports yet.',
  reportValue: (v) => `reported value ${v}`,
  reportVersion: (v) => `version ${v} (corrected)`,
  reportedOn: (d) => `reported on ${d}`,
  logros: 'Achievements',
  dificultades: 'Difficulties and solutions',
  evidencia: 'Evidence',
  evidenceLink: 'See evidence',
  anomaly: {
    'level-drop': 'The level dropped from the previous report',
    'level-rise': 'The level rose on a decreasing indicator',
    'zero-without-explanation': 'Zero progress with no explanation under difficulties',
    'over-execution-without-justification': 'Over-achievement with no justification',
    'closed-period': 'Reported after the year was closed',
  },
  anomalyDetail: (code, p) => {
    const n = (x: number | undefined) => formatNumber(x ?? 0, 'en', 4);
    switch (code) {
      case 'level-drop':
        return `The level dropped from the previous report (${n(p.from)} → ${n(p.to)})`;
      case 'level-rise':
        return `The level rose on a decreasing indicator (${n(p.from)} → ${n(p.to)})`;
      case 'zero-without-explanation':
        return 'Zero progress with no explanation under difficulties';
      case 'over-execution-without-justification':
        return `Over-achievement with no justification (${n(p.level)} against a target of ${n(p.target)})`;
      case 'closed-period':
        return `Reported after the year was closed (on ${formatDate(p.reportedOn ?? '', 'en')})`;
    }
  },
  anomaliesSummary: (n) => (n === 1 ? '⚠️ 1 warning to review' : `⚠️ ${n} warnings to review`),

  planProgress: 'Plan progress',
  reportedSummary: (r, n, y) => `${r} of ${n} indicators with a ${y} target have a report.`,
  objectivesHeading: 'Strategic objectives',
  tapObjectiveHint: 'Tap an objective to see its indicators.',
  pendingShort: (n) => `⏳ ${n} not reported`,

  laggingTitle: 'What is lagging',
  laggingIntro: (r, a, p) => `${r} red, ${a} amber and ${p} without a report.`,
  groupRed: (n) => `🔴 Red (${n})`,
  groupAmber: (n) => `🟡 Amber (${n})`,
  groupPending: (n, y) => `⏳ No report in ${y} (${n})`,
  laggingDetail: (p, e) => `progress ${p} of ${e} expected`,
  pendingDetail: (e) => `${e} expected by now`,
  nothingLagging: (y) =>
    `✅ Nothing is lagging: no indicator is red or amber, and every indicator with a ${y} target has reported.`,
  openObjectiveHeading: 'Open an objective',

  welcomeTitle: "Hi! I'm the PEI bot",
  welcomeIntro: (o, i) =>
    o && i
      ? `I help you follow the 2024-2027 Institutional Strategic Plan of the Secretaría General de la Alcaldía Mayor de Bogotá: ${o} strategic objectives and ${i} indicators, with their progress, what is expected to date and their status.`
      : 'I help you follow the 2024-2027 Institutional Strategic Plan of the Secretaría General de la Alcaldía Mayor de Bogotá: its objectives and indicators, with their progress, what is expected to date and their status.',
  examplesHeading: 'You can write to me, for example:',
  tapExampleHint: 'Tap an example to ask it.',
  examples: {
    objective: { text: 'how is objective 5 doing?', hint: 'status, progress and indicators of an objective' },
    indicator: { text: 'indicator 4263', hint: 'programmed, executed and reports of an indicator' },
    lagging: { text: 'what is red?', hint: 'what lags and what has not been reported' },
    plan: { text: 'plan', hint: 'the 10 objectives at a glance' },
    search: { text: 'CSIRT', hint: 'find an indicator by words of its name' },
    report: { text: 'report progress', hint: "report the month's progress of your indicators" },
    mine: { text: 'my indicators', hint: 'your indicators, the month due and its deadline' },
    mission: { text: 'mission', hint: "the entity's mission and vision" },
    compliance: { text: 'reporting compliance', hint: 'months reported on time, late or missing, per owner' },
    exportFollowUp: { text: 'export follow-up', hint: "the last quarter's Excel workbook (admins)" },
    subscribe: { text: 'subscribe weekly digest', hint: 'get the summary in this channel every Monday' },
    explain: { text: 'how is objective 5 calculated?', hint: 'where a figure comes from, step by step' },
    unsubscribe: { text: 'cancel digest', hint: 'stop getting the weekly digest here' },
    review: { text: 'reports to review', hint: "approve or return (with a reason) the owners' reports" },
    assign: { text: 'assign owner 4263 @Ana', hint: "assign (or remove) an indicator's owner" },
    owners: { text: 'owners', hint: 'who is in charge of each indicator' },
    audit: { text: 'audit log', hint: 'the latest changes: reports, reviews and owners' },
    reminders: { text: 'reminders', hint: "who gets the month's reminder and when; send them now" },
    sendDigestNow: { text: 'send digest now', hint: 'the weekly digest in this conversation, right away' },
    admins: { text: 'admins', hint: 'who administers the bot; add or remove' },
  },
  ownersNote:
    'If you own an indicator, report its progress to me every month (by the fifth business day of the next month); I will remind you before the deadline.',
  adminsNote: 'The Planning Office assigns owners and can subscribe a chat or channel to the weekly digest.',
  languageNote: 'I answer in English when you write in English, and in Spanish otherwise.',
  helpTitle: 'What I can do',
  helpIntro: 'Ask me about the 2024-2027 Institutional Strategic Plan in your own words. Tap an example to ask it.',
  helpSectionAsk: 'Ask',
  helpSectionReport: 'Report',
  helpSectionAdmin: 'Planning Office',
  helpSectionDigest: 'Weekly digest',
  subscribeHint: {
    personal: 'get the summary in this personal chat every Monday',
    groupChat: 'get the summary in this group chat every Monday',
    channel: 'get the summary in this channel every Monday',
  },
  assignPersonal: {
    text: 'assign owner 4263 ana.perez@secretariageneral.gov.co',
    hint: "assign an indicator's owner by e-mail (in a channel or group chat, with an @mention)",
  },
  adminHelpNote: 'You administer the bot: your reports are approved at once and you may report any indicator.',

  mission: 'Mission',
  vision: 'Vision',
  missionAndVision: 'Mission and vision',
  officialTextNote: 'Official text of the strategic platform, in Spanish.',
  legalBasis: (norms) => `Legal basis: ${norms}.`,
  article: (n) => `art. ${n}`,

  chooseTitle: (n, q) => `I found ${n} indicators for “${q}”`,
  chooseQuestion: 'Which one do you want to see?',
  chooseMore: (n) => `There are ${n} more: add words to narrow the search.`,

  notUnderstoodTitle: "I didn't understand",
  notUnderstoodText: (t) => `I can't answer “${t}”. Try one of these:`,
  notUnderstoodExamples: ['how is objective 5 doing?', 'what is red?', 'indicator 4263', 'help'],
  unknownObjectiveTitle: (n) => `There is no objective ${n}`,
  unknownObjectiveText: (c) => `The plan has ${c} strategic objectives, numbered 1 to ${c}. Pick one:`,
  unknownIndicatorTitle: (id) => `I couldn't find indicator “${id}”`,
  unknownIndicatorText:
    'Indicators go by their code (for example 4263), by project and goal (8116-M3), or as O10-1 and O10-2. You can also write words of their name, such as “CSIRT”.',
  exportTitle: (q, y) => `PEI follow-up: Q${q} ${y}`,
  exportText: (d, running) =>
    running
      ? `The follow-up Excel workbook as of ${d} (the quarter is still running): indicators, weighted summary and plan findings.`
      : `The follow-up Excel workbook as of ${d}: indicators, weighted summary and plan findings.`,
  exportFactQuarter: 'Quarter',
  exportFactCut: 'As of',
  bogotaTime: (t) => `${t} (Bogotá)`,
  quarterLabel: (q, y) => `Q${q} ${y}`,
  exportFactExpires: 'Link expires',
  exportFactFile: 'File',
  exportButton: 'Download the workbook (Excel)',
  exportNote:
    'The link works without signing in for 15 minutes; do not forward it. After that, ask for another with «export follow-up».',
  exportOnlyAdmins:
    "Only the Planning Office (the bot's admins) can export the follow-up. If you need the workbook, ask the Office.",
  exportNotStarted: (q, y) =>
    `Quarter Q${q} ${y} has not started yet: there is no follow-up to export. Try «export follow-up» (the last closed quarter).`,
  exportOutsidePlan: (y, a, b) => `The plan covers ${a}–${b}; there is no follow-up for ${y}.`,
  exportUnavailable: 'Download links are not configured on this server.',
  complianceTitle: (y) => `Reporting compliance ${y}`,
  complianceSubtitle: (d, m) =>
    `Months closed as of ${d}: ${m}. Each month is due on the fifth business day of the next month (Colombian holidays).`,
  complianceTotals: (a, t, s, p) => `In all: ${a} on time, ${t} late, ${s} missing and ${p} not yet due.`,
  complianceHeaderOwner: 'Owner',
  complianceHeaderOnTime: 'On time',
  complianceHeaderLate: 'Late',
  complianceHeaderMissing: 'Missing',
  complianceHeaderOpen: 'Not due',
  complianceIndicators: (ids) => `Indicators: ${ids}`,
  complianceUnassigned: 'No owner assigned',
  complianceNote:
    'Counts the months of the indicators with a target in the year; a month is «on time» when its first version was stored by its deadline.',
  complianceNoMonths: (y) => `No month of ${y} has closed yet: there is no compliance to measure.`,
  helloText:
    "Hi! 👋 I'm PEI Bot: I tell you how the Institutional Strategic Plan is doing. Ask me, for example, “how is objective 5 doing?”.",
  thanksText: "You're welcome! 🙂 I'm here whenever you need something about the plan.",
  outOfScopeTitle: "That's not something I can answer",
  outOfScopeText: (t) =>
    `I have no information about “${t}”: I only follow the progress of the Institutional Strategic Plan (objectives, indicators, targets and their reports). Please ask the office in charge. About the plan I can answer, for example:`,
  chooseObjectiveTitle: 'Which objective?',
  chooseObjectiveText: (c) => `The plan has ${c} strategic objectives. Tap one to see how it is doing:`,
};
