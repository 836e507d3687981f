/**
 * The verbs of the buttons on the bot's cards. A button is an Action.Submit whose `data` is one of
 * `CardActionData`; Teams posts that object back as the activity's `value`, and the Teams layer routes on `verb`.
 */

export const VERB_SHOW_OBJECTIVE = 'show-objective';
export const VERB_SHOW_INDICATOR = 'show-indicator';
export const VERB_SHOW_PLAN = 'show-plan';
export const VERB_SHOW_LAGGING = 'show-lagging';
export const VERB_REPORT_START = 'report-start';
export const VERB_ASK = 'ask';

/**
 * The verbs of the status cards' `refresh` (Universal Actions): Teams sends them in an `adaptiveCard/action`
 * invoke (automatically for the users named in `refresh.userIds`, or when a person asks for a refresh), and the
 * answer is the same card drawn from the figures of that moment.
 */
export const VERB_REFRESH_OBJECTIVE = 'refresh-objective';
export const VERB_REFRESH_INDICATOR = 'refresh-indicator';
export const VERB_REFRESH_PLAN = 'refresh-plan';
export const VERB_REFRESH_LAGGING = 'refresh-lagging';
export const REFRESH_VERBS: readonly string[] = [
  VERB_REFRESH_OBJECTIVE,
  VERB_REFRESH_INDICATOR,
  VERB_REFRESH_PLAN,
  VERB_REFRESH_LAGGING,
];

export type RefreshData =
  | { verb: typeof VERB_REFRESH_OBJECTIVE; objective: number; year: number }
  | { verb: typeof VERB_REFRESH_INDICATOR; indicatorId: string; year: number }
  | { verb: typeof VERB_REFRESH_PLAN; year: number }
  | { verb: typeof VERB_REFRESH_LAGGING; year: number };

/** A card's `refresh` as its template takes it: the Action.Execute's verb and data (the data repeats the verb). */
export interface RefreshView {
  verb: RefreshData['verb'];
  data: RefreshData;
}

export const refreshOf = (data: RefreshData): RefreshView => ({ verb: data.verb, data });

export const VERBS = Object.freeze({
  showObjective: VERB_SHOW_OBJECTIVE,
  showIndicator: VERB_SHOW_INDICATOR,
  showPlan: VERB_SHOW_PLAN,
  showLagging: VERB_SHOW_LAGGING,
  reportStart: VERB_REPORT_START,
  ask: VERB_ASK,
} as const);

export type Verb = (typeof VERBS)[keyof typeof VERBS];

export type CardActionData =
  | { verb: typeof VERB_SHOW_OBJECTIVE; objective: number }
  | { verb: typeof VERB_SHOW_INDICATOR; indicatorId: string }
  | { verb: typeof VERB_SHOW_PLAN }
  | { verb: typeof VERB_SHOW_LAGGING }
  | { verb: typeof VERB_REPORT_START; indicatorId?: string; period?: string }
  | { verb: typeof VERB_ASK; text: string }
  // The planning office's review and the explanation of a figure (chat/review.ts, chat/explain.ts).
  | { verb: 'review-list' }
  | { verb: 'review-approve'; reportId: string }
  | { verb: 'review-return'; reportId: string; reasonField: string }
  | { verb: 'report-fix'; reportId: string }
  | { verb: 'explain'; objective?: number; indicatorId?: string; year?: number };

export const showObjective = (objective: number): CardActionData => ({ verb: VERB_SHOW_OBJECTIVE, objective });
export const showIndicator = (indicatorId: string): CardActionData => ({ verb: VERB_SHOW_INDICATOR, indicatorId });
export const showPlan = (): CardActionData => ({ verb: VERB_SHOW_PLAN });
export const showLagging = (): CardActionData => ({ verb: VERB_SHOW_LAGGING });
export const reportStart = (indicatorId?: string, period?: string): CardActionData => ({
  verb: VERB_REPORT_START,
  ...(indicatorId === undefined ? {} : { indicatorId }),
  ...(period === undefined ? {} : { period }),
});
export const ask = (text: string): CardActionData => ({ verb: VERB_ASK, text });

/**
 * Reads a card submit's value back into a CardActionData; null when it is not one of ours
 * (other cards, such as the report form, post their own shapes).
 */
export function parseCardAction(value: unknown): CardActionData | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  switch (v.verb) {
    case VERB_SHOW_OBJECTIVE: {
      const n = typeof v.objective === 'string' ? Number(v.objective) : v.objective;
      return typeof n === 'number' && Number.isInteger(n) ? showObjective(n) : null;
    }
    case VERB_SHOW_INDICATOR:
      return typeof v.indicatorId === 'string' && v.indicatorId ? showIndicator(v.indicatorId) : null;
    case VERB_SHOW_PLAN:
      return showPlan();
    case VERB_SHOW_LAGGING:
      return showLagging();
    case VERB_REPORT_START:
      return reportStart(typeof v.indicatorId === 'string' && v.indicatorId ? v.indicatorId : undefined);
    case VERB_ASK:
      return typeof v.text === 'string' && v.text.trim() ? ask(v.text) : null;
    default:
      return null;
  }
}
