import type { ReviewOutcomeStrings } from '../types/review-outcome';

export const reviewOutcome: ReviewOutcomeStrings = {
  forbidden: 'Solo la Oficina Asesora de Planeación (administradores) puede revisar reportes. No se cambió nada.',
  reasonShort: (n) =>
    `Para devolver un reporte escribe el motivo (al menos ${n} caracteres), para que el responsable sepa qué corregir.`,
  notFound:
    'Ese reporte ya no existe o el botón no es válido. Escribe «reportes por revisar» para ver la lista actual.',
  superseded: (id, p, v) =>
    `El reporte del indicador ${id} de ${p} ya tiene una versión más reciente (v${v}); se revisa esa.`,
  notPending: (id, p, state) => `El reporte del indicador ${id} de ${p} ya fue revisado (${state}). No se cambió nada.`,
  approved: (id, p, v) => `Aprobaste el reporte del indicador ${id} de ${p} (v${v}).`,
  returned: (id, p, v) =>
    `Devolviste el reporte del indicador ${id} de ${p} (v${v}). Se avisó al responsable; ya no cuenta en las cifras.`,
  states: { pendiente: 'por revisar', aprobado: 'aprobado', devuelto: 'devuelto' },
};
