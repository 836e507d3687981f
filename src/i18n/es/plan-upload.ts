import type { PlanUploadStrings } from '../types/plan-upload';

export const planUpload: PlanUploadStrings = {
  adminOnlyTitle: 'Solo para administradores',
  adminOnlyText:
    'Solo la Oficina Asesora de Planeación (los administradores del bot) puede cargar una nueva versión del plan. No se leyó el archivo.',
  personalOnly:
    'Envíe el libro del plan en el chat personal con el bot: Teams solo le entrega archivos al bot en ese chat.',
  notWorkbookTitle: 'Ese archivo no es el libro del plan',
  notWorkbook: (name) =>
    `«${name}» no es un libro de Excel (.xlsx). Envíe el libro que escribe «plan export», con sus cambios.`,
  oneFileOnly: 'Envíe un solo libro del plan a la vez.',
  downloadTitle: 'No se pudo leer el archivo',
  download: (code, maxMb) => {
    switch (code) {
      case 'too-large':
        return `El archivo pesa más de ${maxMb} MB: no es el libro del plan. No se guardó nada.`;
      case 'not-allowed':
        return 'Teams no dio una dirección de descarga confiable para el archivo. No se guardó nada.';
      case 'expired':
        return 'El enlace de Teams para descargar el libro ya venció. Envíe el libro otra vez. No se guardó nada.';
      case 'timeout':
        return 'Teams tardó demasiado en entregar el archivo. Intente de nuevo en un momento. No se guardó nada.';
      case 'failed':
        return 'Teams no entregó el archivo. Intente de nuevo en un momento. No se guardó nada.';
    }
  },
  unreadable: (text) => text,
  refusedTitle: 'El libro tiene errores: no se guardó nada',
  refusedText: (n, file) =>
    `${n} ${n === 1 ? 'problema' : 'problemas'} en ${file}. Corríjalos en el libro y envíelo de nuevo.`,
  moreErrors: (n) => `… y ${n} ${n === 1 ? 'problema más' : 'problemas más'}.`,
  unchangedTitle: 'Nada que cambiar',
  previewTitle: 'Nueva versión del plan: confirme',
  previewText: (file, v, eff) =>
    `Cambios de ${file} frente a la versión ${v} del plan (la vigente el ${eff}). Aún no se ha guardado nada.`,
  changesHeading: (n) => `${n} ${n === 1 ? 'cambio' : 'cambios'}:`,
  moreChanges: (n) => `… y ${n} ${n === 1 ? 'cambio más' : 'cambios más'}.`,
  warningsHeading: 'Advertencias (no impiden guardar):',
  reasonLabel: 'Acto administrativo que aprueba el cambio',
  reasonPlaceholder: 'Por ejemplo, Resolución 45 de 2025',
  reasonRequired: 'Cite el acto administrativo.',
  effectiveLabel: 'Fecha de vigencia',
  effectiveRequired: 'Indique desde qué fecha rige.',
  confirm: 'Confirmar',
  cancel: 'Cancelar',
  note: 'Las cifras con corte anterior a la fecha de vigencia no cambian.',
  storedTitle: (v) => `✅ Versión ${v} del plan guardada`,
  storedText: (v, eff, reason, by) =>
    `Versión ${v} del plan guardada, vigente desde el ${eff} (${reason}), cargada por ${by}.`,
  pastEffective: (eff) =>
    `La fecha de vigencia (${eff}) no es futura: cambian las cifras con corte desde el ${eff}; las anteriores quedan como estaban.`,
  alreadyStoredTitle: 'Ya estaba guardada',
  alreadyStored: (v) => `Este libro ya es la versión ${v} del plan: no se guardó de nuevo.`,
  staleTitle: 'El plan cambió desde esta vista previa',
  stale: (latest) =>
    `Desde que envió el libro se guardó otra versión del plan (ahora la última es la ${latest}). No se guardó nada: envíe el libro otra vez para ver los cambios frente a ella.`,
  changedTitle: 'Los cambios son otros en esa fecha',
  changedText: (eff) =>
    `Con vigencia desde el ${eff} el libro cambia otras cosas que las mostradas (rige otra versión en esa fecha). No se guardó nada: revise los cambios y confirme de nuevo.`,
  mismatch:
    'El archivo que entrega Teams ya no es el mismo que se revisó (lo modificaron después de enviarlo). No se guardó nada: envíe el libro otra vez.',
  invalidInputTitle: 'Falta un dato',
  reasonMissing:
    'Cite el acto administrativo que cambia el plan (por ejemplo, «Resolución 45 de 2025»). No se guardó nada.',
  reasonTooLong: (max) => `El acto administrativo puede tener hasta ${max} caracteres. No se guardó nada.`,
  effectiveInvalid: 'La fecha de vigencia debe ser una fecha (AAAA-MM-DD). No se guardó nada.',
  invalidCard: 'Esta tarjeta no trae los datos del libro que se revisó. No se guardó nada: envíe el libro otra vez.',
  cancelledTitle: 'Carga cancelada',
  cancelledText: 'No se guardó ninguna versión del plan.',
};
