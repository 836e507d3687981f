/**
 * What Teams shows around a reply: the notification preview (`summary`) of the answers, the welcome, and the
 * apology the bot posts when a turn fails.
 */
export interface RepliesStrings {
  summaryObjective(n: number): string;
  summaryIndicator(id: string): string;
  summaryPlan: string;
  summaryWelcome: string;
  /** Posted when a turn fails on the bot's side (the error is logged). */
  apology: string;
  /** The store cannot be read or written now (a database away or locked): nothing changed, try again later. */
  storeDownTitle: string;
  storeDownText: string;
  /** The store needs its operator (files replaced, read-only, disk full): nothing changed, tell the administrator. */
  storeBrokenText: string;
  /** An Action.Execute whose verb the bot does not know (`shown`: the verb, escaped; null when there is none). */
  actionUnavailableTitle: string;
  actionUnavailableText(shown: string | null): string;
  /** A message names a plan that is not loaded (`got`, as typed): the plans there are, «id (name, years)». */
  unknownPlan(got: string, plans: string[]): string;
}
