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
  /** An Action.Execute whose verb the bot does not know (`shown`: the verb, escaped; null when there is none). */
  actionUnavailableTitle: string;
  actionUnavailableText(shown: string | null): string;
}
