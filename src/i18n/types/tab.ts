/** The dashboard tab («Tablero PEI», GET /tab/): the page's words, its filters, its data errors, its configuration page. */
export interface TabStrings {
  title: string;
  /** The line under the title: the year and the as-of date (already formatted). */
  subtitle(year: number, asOf: string): string;
  skipToContent: string;
  loading: string;
  /** The data could not be read (network, 5xx). */
  loadError: string;
  /** Inside Teams, the sign-in token was refused or could not be obtained. */
  signInError: string;
  filtersHeading: string;
  filterYear: string;
  filterAsOf: string;
  filterObjective: string;
  filterStatus: string;
  filterOwner: string;
  filterMine: string;
  all: string;
  clearFilters: string;
  print: string;
  planHeading: string;
  objectivesHeading: string;
  /** How many indicators the filters show, of how many. */
  shownCount(shown: number, total: number): string;
  noMatch: string;
  colIndicator: string;
  colName: string;
  colOwner: string;
  colLastReport: string;
  colProgress: string;
  colExpected: string;
  colFourYear: string;
  colStatus: string;
  colActions: string;
  indicatorsOf(n: number): string;
  noReport: string;
  /** The button that opens an indicator's monthly chart. */
  btnMonthly(id: string): string;
  /** The button that shows or hides an objective's bars. */
  btnBars(n: number): string;
  close: string;
  chartTableCaption: string;
  /** «Mis indicadores». */
  mineHeading: string;
  mineNone: string;
  mineAnonymous: string;
  /** The link that opens the report form in the bot's chat. */
  btnReport(id: string): string;
  /** Without a bot registration (local mode): what to type in the bot's chat. */
  reportHint(command: string): string;
  /** The chat command that opens an indicator's report form (what the bot reads). */
  reportCommand(id: string): string;
  /** The configuration page of the channel tab. */
  configTitle: string;
  configIntro: string;
  configReady: string;
  /** The data route's errors. */
  unknownIndicator(id: string): string;
  tokenMissing: string;
  tokenInvalid: string;
  notBuilt: string;
}
