import type { RepliesStrings } from '../types/replies';

export const replies: RepliesStrings = {
  summaryObjective: (n) => `Objetivo ${n}`,
  summaryIndicator: (id) => `Indicador ${id}`,
  summaryPlan: 'Plan',
  summaryWelcome: 'Bienvenida',
  apology: 'Lo siento, algo falló de mi lado. Por favor intente de nuevo en un momento.',
  actionUnavailableTitle: 'Esta acción no está disponible',
  actionUnavailableText: (shown) =>
    `El bot no conoce la acción ${shown ? `«${shown}»` : 'de este botón'}. La tarjeta puede ser de una versión anterior; vuelva a preguntar.`,
};
