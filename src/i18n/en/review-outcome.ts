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
    `You returned the report of indicator ${id} for ${p} (v${v}). The owner was told; it no longer counts in the figures.`,
  states: { pendiente: 'to review', aprobado: 'approved', devuelto: 'returned' },
};
