import type { RepliesStrings } from '../types/replies';

export const replies: RepliesStrings = {
  summaryObjective: (n) => `Objective ${n}`,
  summaryIndicator: (id) => `Indicator ${id}`,
  summaryPlan: 'Plan',
  summaryWelcome: 'Welcome',
  apology: 'Sorry, something went wrong on my side. Please try again in a moment.',
  storeDownTitle: 'Not available right now',
  storeDownText:
    "The bot's database is not available right now, so I cannot read or save anything; nothing changed. Please try again in a few minutes.",
  storeBrokenText:
    "The bot's storage has a problem its administrator must fix; nothing changed. Please tell the bot's administrator or the planning office.",
  actionUnavailableTitle: 'This action is not available',
  actionUnavailableText: (shown) =>
    `The bot does not know the action ${shown ? `“${shown}”` : 'of this button'}. The card may be from an older version; ask again.`,
  unknownPlan: (got, plans) =>
    `I cannot find plan "${got}". The plans loaded are: ${plans.join('; ')}. Ask, for example, "how is objective 2 of plan ${plans.length ? plans[plans.length - 1].split(' ')[0] : 'ID'} doing?".`,
};
