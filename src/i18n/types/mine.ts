/**
 * «Mis indicadores» (an owner's own list: status, the month due and its deadline, a button to report) and the
 * message extension's search results (the preview Teams lists under the compose box).
 */
export interface MineStrings {
  title: string;
  /** `count` indicators, figures of `year` as of `asOf` (already formatted). */
  intro(count: number, year: number, asOf: string): string;
  /** The month that last closed has no report yet and its deadline is ahead. */
  dueLine(month: string, deadline: string): string;
  /** The month that last closed has no report and its deadline passed. */
  overdueLine(month: string, deadline: string): string;
  /** The month that last closed is reported; the month in progress is due by its deadline. */
  reportedLine(month: string, next: string, nextDeadline: string): string;
  /** Reported, and nothing is expected next (no target next month). */
  reportedOnlyLine(month: string): string;
  /** No target this year: no report expected. */
  noTargetLine(year: number): string;
  /** Earlier months of the year whose deadline passed without a report. */
  missingMonths(n: number, months: string): string;
  btnReport: string;
  btnOpen: string;
  nobodyTitle: string;
  /** For someone who owns no indicator: who assigns them. */
  nobodyText: string;
  /** The same, for an admin (who may report any indicator but owns none). */
  nobodyAdminText: string;
  btnHelp: string;
  /** What the help button asks («ayuda»). */
  helpQuery: string;

  // Message extension results (the preview: a thumbnail card's title and subtitle)
  previewIndicatorTitle(id: string, name: string): string;
  previewObjectiveTitle(n: number, name: string): string;
  /** Status and progress of the year ("🟢 Al día · 78,5 % en 2025"). */
  previewSubtitle(status: string, progress: string, year: number): string;
  /** The owner's list in the empty query: the month due after the status. */
  previewOwnSubtitle(status: string, due: string): string;
}
