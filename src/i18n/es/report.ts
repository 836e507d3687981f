import { capitalize, joinList, numberText, periodText } from '../format';
import type { ReportStrings } from '../types/report';

export const report: ReportStrings = {
  openEvidence: 'Ver evidencia',
  formTitle: 'Reportar avance',
  formTitleFor: (id) => `Reportar avance · indicador ${id}`,
  formIntro: (t) =>
    (t === undefined
      ? 'Reporte el avance del mes: en un indicador de Suma, lo logrado en el mes; en los demás (creciente, constante, decreciente), el nivel alcanzado a la fecha.'
      : t === 'suma'
        ? 'Reporte lo logrado en el mes: este indicador suma los valores de los meses.'
        : 'Reporte el nivel alcanzado a la fecha (el valor acumulado), no lo logrado solo en el mes.') +
    ' Los campos con * son obligatorios.',
  labelIndicator: 'Indicador',
  labelPeriod: 'Mes del reporte (corte)',
  labelValue: 'Valor',
  labelLogros: 'Logros y avances del periodo',
  labelDificultades: 'Dificultades, soluciones o justificación',
  labelEvidencia: 'Enlace a la evidencia (https://…)',
  placeholderIndicator: 'Elija el indicador',
  placeholderValue: 'Por ejemplo 1.500 · 0,25 · 75\u00a0%',
  placeholderLogros: 'Qué se logró en el mes (mínimo 10 caracteres)',
  placeholderDificultades: 'Obligatorio si el avance es 0, si supera la meta o si el nivel baja',
  placeholderEvidencia: 'https://…',
  requiredIndicator: 'Elija el indicador.',
  requiredPeriod: 'Elija el mes.',
  requiredValue: 'Escriba el valor.',
  requiredLogros: 'Describa los logros del periodo.',
  requiredEvidencia: 'Pegue el enlace https:// a la evidencia.',
  hintFor: (id) => `Indicador ${id}`,
  hintTarget: (y, t) => `meta ${y}: ${t}`,
  hintNoTarget: (y) => `sin meta en ${y}`,
  hintLast: (v, p) => `último reporte: ${v} (${p})`,
  hintNoReports: 'sin reportes aún',
  hintsToggle: (n) => `Qué reportar en cada indicador (${n})`,
  hintsHeading:
    'Suma: el avance del periodo (lo logrado en el mes). Creciente, constante y decreciente: el nivel acumulado a la fecha.',
  currentMonthSuffix: ' (en curso)',
  btnSubmit: 'Enviar reporte',
  btnCancel: 'Cancelar',
  notOwnerOf: (id) => `Usted no es responsable del indicador ${id}. Estos son los indicadores que puede reportar.`,
  unknownIndicatorNotice: (id) => `El indicador ${id} no existe en el plan. Elija uno de la lista.`,
  invalidFormText: 'Este formulario no es válido y no se guardó nada. Escriba «reportar avance» para abrir uno nuevo.',
  noIndicatorsTitle: 'No tiene indicadores asignados',
  noIndicatorsText:
    'Solo los responsables de un indicador y la Oficina Asesora de Planeación pueden reportar avances. Si debe reportar, pida a la Oficina Asesora de Planeación que lo asigne como responsable.',
  storedTitle: '✅ Reporte registrado',
  correctionTitle: (v) => `✅ Corrección registrada (v${v})`,
  duplicateTitle: 'Este reporte ya estaba registrado',
  duplicateText: 'Ya habíamos recibido este formulario: no se guardó nada nuevo.',
  factIndicator: 'Indicador',
  factPeriod: 'Mes',
  factValue: 'Valor',
  factVersion: 'Versión',
  versionFirst: 'v1 (primer reporte del mes)',
  versionCorrection: (v) => `corrección v${v}`,
  factAuthor: 'Reportado por',
  factWhen: 'Registrado',
  factLogros: 'Logros',
  factDificultades: 'Dificultades',
  factEvidencia: 'Evidencia',
  notesHeading: 'Observaciones',
  btnSeeIndicator: (id) => `Ver indicador ${id}`,
  cancelledTitle: 'Reporte cancelado',
  cancelledText: 'No se guardó nada. Escriba «reportar avance» cuando quiera volver a empezar.',
  refusedTitle: 'No se guardó el reporte',
  saveFailedTitle: 'No se pudo guardar el reporte',
  saveFailedText:
    'La base de datos del bot no respondió a tiempo y su reporte no quedó guardado. Vuelva a enviar este mismo formulario en unos minutos (no se guardará dos veces); si sigue fallando, avise a la Oficina Asesora de Planeación.',
  saveFailedOperatorText:
    'El almacenamiento del bot tiene un problema que debe resolver su administrador, así que su reporte no quedó guardado. Avise al administrador del bot o a la Oficina Asesora de Planeación, y vuelva a enviar este formulario cuando le confirmen que se solucionó.',
  ownersTitle: (id, plan) => `Responsables del indicador ${id} (${plan})`,
  ownersNone: 'Este indicador no tiene responsables asignados.',
  ownersAdded: (n) => `Se asignó como responsable a ${n}.`,
  ownersRemoved: (n) => `Se quitó como responsable a ${n}.`,
  ownersUnchanged: 'No hubo cambios: ya estaba así.',
  ownersNotFound: (n) => `${n} no era responsable de este indicador.`,
  allOwnersTitle: (plan) => `Responsables de los indicadores (${plan})`,
  allOwnersIntro: (w, t) => `${w} de ${t} indicadores tienen responsable asignado.`,
  noOwnerRow: 'Sin responsable',
  adminsTitle: 'Administradores del bot',
  adminsConfigured: 'Configurados (PEI_ADMINS)',
  adminsAdded: 'Agregados en el chat',
  adminAddedNote: (n) =>
    `${n} ahora es administrador: puede asignar responsables, reportar cualquier indicador y ver la auditoría.`,
  adminRemovedNote: (n) => `${n} ya no es administrador.`,
  adminIsConfigured: (n) =>
    `${n} es administrador por configuración (PEI_ADMINS): solo se puede quitar cambiando esa variable.`,
  adminNotFound: (n) => `${n} no era administrador agregado en el chat.`,
  adminOnlyTitle: 'Solo para administradores',
  adminOnlyText:
    'Esta acción es de la Oficina Asesora de Planeación (administradores del bot). Si necesita el cambio, pídaselo a ellos.',
  assignWhichIndicator:
    'Indique el indicador, por ejemplo: «asignar responsable 4263 @Ana» o «asignar responsable 4263 ana.perez@secretariageneral.gov.co».',
  assignWhom:
    'Indique a quién: menciónelo con @ en Teams o escriba su correo, por ejemplo «asignar responsable 4263 @Ana».',
  mentionWithoutId: (t) =>
    `No reconozco a «${t}» como una mención de Teams: escriba @ y elija a la persona de la lista, o use su correo.`,
  notAMention: (t) => `No reconozco a «${t}» como una mención de Teams.`,
  assignByEmailPersonal: (id) =>
    `En este chat personal no se puede mencionar a colegas (Teams solo deja mencionar a quienes están en la conversación). Escriba su correo institucional, por ejemplo «asignar responsable ${id} ana.perez@secretariageneral.gov.co»: quedará como responsable y lo reconoceré cuando me escriba con esa cuenta. En un canal o chat de grupo también puede mencionarlo con @.`,
  auditTitle: 'Auditoría',
  auditTitleFor: (id) => `Auditoría del indicador ${id}`,
  auditIntro: (s, t) =>
    t > s ? `Los ${s} cambios más recientes de ${t}.` : t === 1 ? '1 cambio registrado.' : `${t} cambios registrados.`,
  auditEmpty: 'No hay cambios registrados.',
  auditActions: {
    'report.create': 'Reporte',
    'report.correct': 'Corrección de reporte',
    'owners.set': 'Responsables',
    'admin.add': 'Administrador agregado',
    'admin.remove': 'Administrador retirado',
    'subscription.add': 'Suscripción al resumen',
    'subscription.remove': 'Suscripción cancelada',
    'report.approve': 'Reporte aprobado',
    'report.return': 'Reporte devuelto',
  },
  reviewListTitle: 'Reportes por revisar',
  reviewListIntro: (n) =>
    n === 1
      ? '1 reporte espera la revisión de la Oficina Asesora de Planeación (el más antiguo primero).'
      : `${n} reportes esperan la revisión de la Oficina Asesora de Planeación (los más antiguos primero).`,
  reviewListEmpty: 'No hay reportes por revisar. ✅',
  reviewItemLine: (v, a, w) => `v${v} · ${a} · ${w}`,
  btnApprove: 'Aprobar',
  btnReturn: 'Devolver',
  returnReasonLabel: 'Motivo de la devolución (al menos 10 caracteres)',
  returnReasonPlaceholder: 'Qué debe corregir el responsable',
  btnConfirmReturn: 'Devolver al responsable',
  btnReviewList: (n) => `Reportes por revisar (${n})`,
  reviewDoneTitle: 'Revisión registrada',
  reviewRefusedTitle: 'No se registró la revisión',
  factReview: 'Revisión',
  factProgressNow: (y) => `Avance ${y} del indicador`,
  reviewState: { pendiente: '⏳ por revisar', aprobado: '✅ aprobado', devuelto: '↩️ devuelto' },
  returnedNoticeTitle: (id, p) => `↩️ Su reporte del indicador ${id} de ${p} fue devuelto`,
  returnedNoticeText: (who) =>
    `${who} (Oficina Asesora de Planeación) devolvió el reporte; ya no cuenta en las cifras. Corríjalo y envíelo de nuevo.`,
  returnedReason: 'Motivo',
  btnFixReport: 'Corregir el reporte',
  fixNotice: (p, r, next) =>
    `Corrija el reporte de ${p} que fue devuelto: el formulario muestra lo guardado y, si lo envía, quedará como versión ${next}. Motivo: ${r}`,
  fixUnavailable:
    'Ese reporte ya no está devuelto (se corrigió o se revisó de nuevo). Escriba «reportar avance» para abrir el formulario.',
  reviewDigestTitle: (n) => (n === 1 ? '1 reporte por revisar' : `${n} reportes por revisar`),
  reviewDigestIntro:
    'Estos reportes de los responsables esperan la revisión de la Oficina Asesora de Planeación (los más antiguos primero).',
  reviewDigestMore: (n) => `y ${n} más`,
  missedNoticeTitle: (p) => `⚠️ Venció el plazo del reporte de ${p}`,
  missedNoticeText: (d) =>
    `El plazo venció el ${d} y no hemos recibido el reporte de estos indicadores. Repórtelos cuanto antes: la Oficina Asesora de Planeación fue informada.`,
  missedAdminsTitle: (p) => `⚠️ Reportes de ${p} sin recibir`,
  missedAdminsText: (n, d) =>
    n === 1
      ? `1 indicador no se reportó antes del plazo (${d}):`
      : `${n} indicadores no se reportaron antes del plazo (${d}):`,
  missedRow: (id, name, owners) => `**${id}** · ${name} — ${owners}`,
  reviewSubscribedTitle: '✅ Resumen de revisión activado',
  reviewSubscribedText:
    'Cada día hábil, desde las 8:00, esta conversación recibe un solo mensaje con los reportes que esperan la revisión de la Oficina Asesora de Planeación (si hay alguno).',
  reviewAlreadySubscribed: 'Esta conversación ya recibe el resumen diario de reportes por revisar.',
  reviewUnsubscribedTitle: 'Resumen de revisión cancelado',
  reviewUnsubscribedText:
    'Esta conversación ya no recibe el resumen diario de reportes por revisar. Los administradores lo siguen recibiendo en su chat personal.',
  reviewNotSubscribed: 'Esta conversación no estaba suscrita al resumen de reportes por revisar.',
  auditNone: 'ninguno',
  whichMonthTitle: '¿Qué mes desea reportar?',
  monthFuture: (p) => `${capitalize(periodText(p, 'es'))} todavía no ha llegado. Elija el mes que desea reportar:`,
  monthAmbiguous: (past, future) =>
    `¿Se refiere a ${periodText(past, 'es')}? ${capitalize(periodText(future, 'es'))} todavía no ha llegado. Elija el mes que desea reportar:`,
  monthClosedYear: (p) =>
    `La vigencia ${p.slice(0, 4)} ya está cerrada: solo la Oficina Asesora de Planeación puede corregir ${periodText(p, 'es')}. Elija el mes que desea reportar:`,
  monthOutsidePlan: (p, from, to) =>
    `${capitalize(periodText(p, 'es'))} está fuera del plan (${from}–${to}). Elija el mes que desea reportar:`,
  monthChoice: (p, current) => `${capitalize(periodText(p, 'es'))}${current ? ' (en curso)' : ''}`,
  formPrefilled: (p, v, next) =>
    `${capitalize(periodText(p, 'es'))} ya tiene un reporte (versión ${v}): el formulario muestra lo guardado. Si lo envía, quedará como versión ${next}.`,
  formErrorsFields: (labels) =>
    labels.length === 1
      ? `Revise el campo «${labels[0]}», marcado en rojo debajo de él; no se guardó nada.`
      : `Revise los campos ${joinList(
          labels.map((l) => `«${l}»`),
          'es',
        )}, marcados en rojo debajo de cada uno; no se guardó nada.`,
  maxCharsHint: (max) => `máximo ${numberText(max, 'es')} caracteres`,
  auditReason: (r) => `Motivo: «${r}»`,
  correctsValue: (v, p, n) => `${v} (antes ${p} en v${n})`,
};
