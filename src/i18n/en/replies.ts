import type { RepliesStrings } from '../types/replies';

export const replies: RepliesStrings = {
  summaryObjective: (n) => `Objective ${n}`,
  summaryIndicator: (id) => `Indicator ${id}`,
  summaryPlan: 'Plan',
  summaryWelcome: 'Welcome',
  apology: 'Sorry, something went wrong on my side. Please try again in a moment.',
};
