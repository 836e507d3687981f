import type { Trend, Unit } from '../../domain/plan';
import type { AnomalyCode, AnomalyParams } from '../../domain/codes';

/**
 * Every string of the bot's cards. The templates in cards/ carry no words: they take all of these from the view
 * models. One object per locale (es/cards.ts, en/cards.ts), each typed by this interface.
 */

export interface Example {
  /** The phrase as a person would type it; tapping it sends it to the bot. */
  text: string;
  /** What it answers. */
  hint: string;
}

export interface Strings {
  // Shared
  objective(n: number, name: string): string;
  objectiveShort(n: number): string;
  indicator(id: string): string;
  periodLine(year: number, asOfText: string | null): string;
  statusCaption: string;
  annualProgress: string;
  expectedToDate: string;
  fourYearProgress: string;
  quote(text: string): string;
  /** "y N más" after a cut list. */
  andMore(n: number): string;

  // Buttons
  btnSeeIndicator(id: string): string;
  btnSeeObjective(n: number): string;
  btnReport: string;
  btnWholePlan: string;
  btnSeePlan: string;
  btnLagging: string;
  btnHelp: string;
  btnView: string;

  // Objective card
  indicatorsHeading(n: number): string;
  tapIndicatorHint: string;
  weight: string;
  targetOfYear(year: number): string;
  /** «meta reprogramada»: the plan version in force changed the year's target; `before` is the previous target. */
  reprogrammed(before: string): string;
  factReprogrammed(year: number): string;
  executed: string;
  expected: string;
  lastReport: string;
  noReports: string;
  owner: string;
  noOwner: string;
  pendingIndicator(year: number): string;
  /** A figure that counts a version still waiting for the planning office's review. */
  unreviewedLine(months: string): string;
  reviewTag: string;
  btnReviewList(n: number): string;
  btnExplain: string;
  pendingSummary(pending: number, withTarget: number, year: number): string;
  noTargetThisYear(year: number): string;

  // Indicator card
  trend: Record<Trend, string>;
  unit: Record<Unit, string>;
  factMeta: string;
  factTrend: string;
  factUnit: string;
  factWeight(objective: number): string;
  factBaseline: string;
  baselineMissing: string;
  factFourYearTarget: string;
  factOwner: string;
  factArea: string;
  programHeading: string;
  colYear: string;
  colProgrammed: string;
  colExecuted: string;
  colProgress: string;
  fourYearRow: string;
  /** The month-by-month chart of an indicator card (and its table for clients that do not draw charts). */
  chartMonthlyHeading(year: number): string;
  chartMonth: string;
  /** The monthly chart's x axis, which numbers the months. */
  chartMonthAxis: string;
  /** The series of a Suma indicator: the year's sum through each month. */
  chartYearToDate: string;
  /** The series of the other tendencias: the level reported through each month. */
  chartReportedLevel: string;
  chartExpected: string;
  /** The objective card's chart of its indicators' annual progress against the expected, and its table. */
  chartIndicatorsHeading(year: number): string;
  chartIndicator: string;
  chartPercentAxis: string;
  historyHeading(n: number): string;
  noHistory: string;
  reportValue(value: string): string;
  reportVersion(v: number): string;
  reportedOn(date: string): string;
  logros: string;
  dificultades: string;
  evidencia: string;
  evidenceLink: string;
  anomaly: Record<AnomalyCode, string>;
  /** An anomaly with its figures: «El nivel bajó frente al reporte anterior (0,4 → 0,3)». */
  anomalyDetail(code: AnomalyCode, params: AnomalyParams): string;
  anomaliesSummary(n: number): string;

  // Plan summary
  planProgress: string;
  reportedSummary(reported: number, withTarget: number, year: number): string;
  objectivesHeading: string;
  tapObjectiveHint: string;
  pendingShort(n: number): string;

  // Lagging
  laggingTitle: string;
  laggingIntro(red: number, amber: number, pending: number): string;
  groupRed(n: number): string;
  groupAmber(n: number): string;
  groupPending(n: number, year: number): string;
  laggingDetail(progress: string, expected: string): string;
  pendingDetail(expected: string): string;
  nothingLagging(year: number): string;
  openObjectiveHeading: string;

  // Help and welcome
  welcomeTitle: string;
  welcomeIntro(objectives: number | null, indicators: number | null): string;
  examplesHeading: string;
  tapExampleHint: string;
  examples: {
    objective: Example;
    indicator: Example;
    lagging: Example;
    plan: Example;
    search: Example;
    report: Example;
    /** «mis indicadores»: the owner's own list. */
    mine: Example;
    mission: Example;
    subscribe: Example;
    compliance: Example;
    exportFollowUp: Example;
    explain: Example;
    unsubscribe: Example;
    review: Example;
    assign: Example;
    owners: Example;
    audit: Example;
    reminders: Example;
    sendDigestNow: Example;
    admins: Example;
  };
  ownersNote: string;
  adminsNote: string;
  languageNote: string;
  helpTitle: string;
  helpIntro: string;
  helpSectionAsk: string;
  helpSectionReport: string;
  helpSectionAdmin: string;
  helpSectionDigest: string;
  /** Where «suscribir resumen semanal» sends the digest, by the conversation help is asked in. */
  subscribeHint: { personal: string; groupChat: string; channel: string };
  /** Assigning an owner in a personal chat (no one to @mention there): by e-mail. */
  assignPersonal: Example;
  /** The help's closing line for an admin (owners' and admins' notes are for others). */
  adminHelpNote: string;

  // Mission and vision
  mission: string;
  vision: string;
  missionAndVision: string;
  officialTextNote: string;
  legalBasis(norms: string): string;
  article(n: string): string;

  // Choosing among indicators
  chooseTitle(n: number, query: string): string;
  chooseQuestion: string;
  chooseMore(n: number): string;

  // Messages
  notUnderstoodTitle: string;
  notUnderstoodText(text: string): string;
  notUnderstoodExamples: string[];
  unknownObjectiveTitle(n: string): string;
  unknownObjectiveText(count: number): string;
  unknownIndicatorTitle(id: string): string;
  unknownIndicatorText: string;

  // Official outputs: the follow-up workbook's download link and reporting compliance
  exportTitle(quarter: number, year: number): string;
  exportText(asOfText: string, running: boolean): string;
  exportFactQuarter: string;
  exportFactCut: string;
  exportFactExpires: string;
  /** A quarter of a year: «T2 2025» / «Q2 2025». */
  quarterLabel(quarter: number, year: number): string;
  /** A time of day in Bogotá: «3:15 p. m. (Bogotá)». */
  bogotaTime(time: string): string;
  exportFactFile: string;
  exportButton: string;
  exportNote: string;
  exportOnlyAdmins: string;
  exportNotStarted(quarter: number, year: number): string;
  exportOutsidePlan(year: number, from: number, to: number): string;
  exportUnavailable: string;
  complianceTitle(year: number): string;
  complianceSubtitle(asOfText: string, months: number): string;
  complianceTotals(onTime: number, late: number, missing: number, open: number): string;
  complianceHeaderOwner: string;
  complianceHeaderOnTime: string;
  complianceHeaderLate: string;
  complianceHeaderMissing: string;
  complianceHeaderOpen: string;
  complianceIndicators(ids: string): string;
  complianceUnassigned: string;
  complianceNote: string;
  complianceNoMonths(year: number): string;
  /** A short answer to «hola» (not the whole help card). */
  helloText: string;
  /** A short answer to «gracias». */
  thanksText: string;
  outOfScopeTitle: string;
  outOfScopeText(topic: string): string;
  chooseObjectiveTitle: string;
  chooseObjectiveText(count: number): string;
}
