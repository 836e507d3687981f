import type { ReviewOutcomeStrings } from '../types/review-outcome';

export const reviewOutcome: ReviewOutcomeStrings = {
  forbidden: 'Solo la Oficina Asesora de Planeación (administradores) puede revisar reportes. No se cambió nada.',
  reasonShort: (n) =>
    `Para devolver un reporte escriba el motivo (al menos ${n} caracteres), para que el responsable sepa qué corregir.`,
  notFound:
    'Ese reporte ya no existe o el botón no es válido. Escriba «reportes por revisar» para ver la lista actual.',
  superseded: (id, p, v) =>
    `El reporte del indicador ${id} de ${p} ya tiene una versión más reciente (v${v}); se revisa esa.`,
  notPending: (id, p, state) => `El reporte del indicador ${id} de ${p} ya fue revisado (${state}). No se cambió nada.`,
  approved: (id, p, v) => `Aprobó el reporte del indicador ${id} de ${p} (v${v}).`,
  returned: (id, p, v) => `Devolvió el reporte del indicador ${id} de ${p} (v${v}); ya no cuenta en las cifras.`,
  noticeSent: (o) => `Se avisó a ${o} en su chat personal con el bot.`,
  noticeNoChat: (o) =>
    `Aún no se pudo avisar a ${o}: no ha abierto un chat con el bot. El aviso le llegará cuando lo abra por primera vez.`,
  noticePending: (o) => `El aviso a ${o} aún no se ha entregado; el bot lo sigue intentando en su chat personal.`,
  states: { pendiente: 'por revisar', aprobado: 'aprobado', devuelto: 'devuelto' },
};
