import type { RepliesStrings } from '../types/replies';

export const replies: RepliesStrings = {
  summaryObjective: (n) => `Objetivo ${n}`,
  summaryIndicator: (id) => `Indicador ${id}`,
  summaryPlan: 'Plan',
  summaryWelcome: 'Bienvenida',
  apology: 'Lo siento, algo falló de mi lado. Por favor intente de nuevo en un momento.',
  storeDownTitle: 'No disponible en este momento',
  storeDownText:
    'La base de datos del bot no está disponible en este momento, así que no puedo consultar ni guardar datos; nada cambió. Por favor intente de nuevo en unos minutos.',
  storeBrokenText:
    'El almacenamiento del bot tiene un problema que debe resolver su administrador; nada cambió. Por favor avise al administrador del bot o a la Oficina Asesora de Planeación.',
  actionUnavailableTitle: 'Esta acción no está disponible',
  actionUnavailableText: (shown) =>
    `El bot no conoce la acción ${shown ? `«${shown}»` : 'de este botón'}. La tarjeta puede ser de una versión anterior; vuelva a preguntar.`,
  unknownPlan: (got, plans) =>
    `No encuentro el plan «${got}». Los planes cargados son: ${plans.join('; ')}. Pregunte, por ejemplo, «¿cómo va el objetivo 2 del plan ${plans.length ? plans[plans.length - 1].split(' ')[0] : 'ID'}?».`,
};
