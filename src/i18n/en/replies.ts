import type { RepliesStrings } from '../types/replies';

export const replies: RepliesStrings = {
  summaryObjective: (n) => `Objective ${n}`,
  summaryIndicator: (id) => `Indicator ${id}`,
  summaryPlan: 'Plan',
  summaryWelcome: 'Welcome',
  apology: 'Sorry, something went wrong on my side. Please try again in a moment.',
  actionUnavailableTitle: 'This action is not available',
  actionUnavailableText: (shown) =>
    `The bot does not know the action ${shown ? `“${shown}”` : 'of this button'}. The card may be from an older version; ask again.`,
};
