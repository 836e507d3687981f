import type { ReviewOutcomeStrings } from '../types/review-outcome';

export const reviewOutcome: ReviewOutcomeStrings = {
  forbidden: 'Only the planning office (admins) can review reports. Nothing was changed.',
  reasonShort: (n) => `To return a report, write the reason (at least ${n} characters) so the owner knows what to fix.`,
  notFound: 'That report no longer exists or the button is not valid. Write "reports to review" for the current list.',
  superseded: (id, p, v) => `The report of indicator ${id} for ${p} has a newer version (v${v}); review that one.`,
  notPending: (id, p, state) =>
    `The report of indicator ${id} for ${p} was already reviewed (${state}). Nothing was changed.`,
  approved: (id, p, v) => `You approved the report of indicator ${id} for ${p} (v${v}).`,
  returned: (id, p, v) =>
    `You returned the report of indicator ${id} for ${p} (v${v}); it no longer counts in the figures.`,
  noticeSent: (o) => `${o} was told in their personal chat with the bot.`,
  noticeNoChat: (o) =>
    `${o} could not be told yet: they have not opened a chat with the bot. The notice will reach them when they first do.`,
  noticePending: (o) => `The notice to ${o} has not been delivered yet; the bot keeps trying in their personal chat.`,
  states: { pendiente: 'to review', aprobado: 'approved', devuelto: 'returned' },
};
