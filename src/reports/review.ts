export type ReviewState = 'pendiente' | 'aprobado' | 'devuelto';
export function reviewOf(r: { review?: ReviewState }): ReviewState { return r.review ?? 'aprobado'; }
