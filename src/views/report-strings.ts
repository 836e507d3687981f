import type { Trend } from '../plan/types';
import type { Lang } from './format';

/**
 * The words of the report form, its confirmation, the owners and the audit cards, and of the admin commands,
 * in Spanish (Colombia) and English. Kept apart from i18n.ts (the status cards' strings).
 */

export interface ReportStrings {
  // Form
  formTitle: string;
  formTitleFor(id: string): string;
  /** The form's first line, matching the chosen indicator's tendencia (none chosen: both readings). */
  formIntro(trend?: Trend): string;
  formErrorsSummary(n: number): string;
  labelIndicator: string;
  labelPeriod: string;
  labelValue: string;
  labelLogros: string;
  labelDificultades: string;
  labelEvidencia: string;
  placeholderIndicator: string;
  placeholderValue: string;
  placeholderLogros: string;
  placeholderDificultades: string;
  placeholderEvidencia: string;
  requiredIndicator: string;
  requiredPeriod: string;
  requiredValue: string;
  requiredLogros: string;
  requiredEvidencia: string;
  hintFor(id: string): string;
  hintTarget(year: number, target: string): string;
  hintNoTarget(year: number): string;
  hintLast(value: string, period: string): string;
  hintNoReports: string;
  hintsToggle(n: number): string;
  hintsHeading: string;
  currentMonthSuffix: string;
  btnSubmit: string;
  btnCancel: string;
  // Form notices
  notOwnerOf(id: string): string;
  unknownIndicatorNotice(id: string): string;
  invalidFormText: string;
  noIndicatorsTitle: string;
  noIndicatorsText: string;
  // Confirmation
  storedTitle: string;
  correctionTitle(version: number): string;
  duplicateTitle: string;
  duplicateText: string;
  factIndicator: string;
  factPeriod: string;
  factValue: string;
  factVersion: string;
  versionFirst: string;
  versionCorrection(v: number): string;
  factAuthor: string;
  factWhen: string;
  factLogros: string;
  factDificultades: string;
  factEvidencia: string;
  notesHeading: string;
  btnSeeIndicator(id: string): string;
  cancelledTitle: string;
  cancelledText: string;
  refusedTitle: string;
  saveFailedTitle: string;
  saveFailedText: string;
  // Owners and admins
  ownersTitle(id: string): string;
  ownersNone: string;
  ownersAdded(names: string): string;
  ownersRemoved(names: string): string;
  ownersUnchanged: string;
  ownersNotFound(names: string): string;
  allOwnersTitle: string;
  allOwnersIntro(withOwner: number, total: number): string;
  noOwnerRow: string;
  adminsTitle: string;
  adminsConfigured: string;
  adminsAdded: string;
  adminAddedNote(name: string): string;
  adminRemovedNote(name: string): string;
  adminIsConfigured(name: string): string;
  adminNotFound(name: string): string;
  adminOnlyTitle: string;
  adminOnlyText: string;
  assignWhichIndicator: string;
  assignWhom: string;
  mentionWithoutId(text: string): string;
  /** In a 1:1 chat colleagues cannot be @mentioned: the e-mail route, with the indicator (or 4263) in the example. */
  assignByEmailPersonal(indicatorId: string): string;
  notAMention(text: string): string;
  // Audit
  auditTitle: string;
  auditTitleFor(id: string): string;
  auditIntro(shown: number, total: number): string;
  auditEmpty: string;
  auditActions: Record<string, string>;
  // Review (the planning office's review of owners' reports)
  reviewListTitle: string;
  reviewListIntro(n: number): string;
  reviewListEmpty: string;
  reviewItemLine(version: number, author: string, when: string): string;
  btnApprove: string;
  btnReturn: string;
  returnReasonLabel: string;
  returnReasonPlaceholder: string;
  btnConfirmReturn: string;
  btnReviewList(n: number): string;
  reviewDoneTitle: string;
  reviewRefusedTitle: string;
  factReview: string;
  reviewState: Record<'pendiente' | 'aprobado' | 'devuelto', string>;
  returnedNoticeTitle(id: string, period: string): string;
  returnedNoticeText(reviewer: string): string;
  returnedReason: string;
  btnFixReport: string;
  fixNotice(period: string, reason: string): string;
  fixUnavailable: string;
  reviewDigestTitle(n: number): string;
  reviewDigestIntro: string;
  reviewDigestMore(n: number): string;
  missedNoticeTitle(period: string): string;
  missedNoticeText(deadline: string): string;
  missedAdminsTitle(period: string): string;
  missedAdminsText(n: number, deadline: string): string;
  missedRow(id: string, name: string, owners: string): string;
  reviewSubscribedTitle: string;
  reviewSubscribedText: string;
  reviewAlreadySubscribed: string;
  reviewUnsubscribedTitle: string;
  reviewUnsubscribedText: string;
  reviewNotSubscribed: string;
  auditNone: string;
}

const es: ReportStrings = {
  formTitle: 'Reportar avance',
  formTitleFor: (id) => `Reportar avance · indicador ${id}`,
  formIntro: (t) =>
    (t === undefined
      ? 'Reporta el avance del mes: en un indicador de Suma, lo logrado en el mes; en los demás (creciente, constante, decreciente), el nivel alcanzado a la fecha.'
      : t === 'suma'
        ? 'Reporta lo logrado en el mes: este indicador suma los valores de los meses.'
        : 'Reporta el nivel alcanzado a la fecha (el valor acumulado), no lo logrado solo en el mes.') + ' Los campos con * son obligatorios.',
  formErrorsSummary: (n) => (n === 1 ? 'Revisa el campo marcado en rojo; no se guardó nada.' : `Revisa los ${n} campos marcados en rojo; no se guardó nada.`),
  labelIndicator: 'Indicador',
  labelPeriod: 'Mes del reporte (corte)',
  labelValue: 'Valor',
  labelLogros: 'Logros y avances del periodo',
  labelDificultades: 'Dificultades, soluciones o justificación',
  labelEvidencia: 'Enlace a la evidencia (https://…)',
  placeholderIndicator: 'Elige el indicador',
  placeholderValue: 'Por ejemplo 1.500 · 0,25 · 75\u00a0%',
  placeholderLogros: 'Qué se logró en el mes (mínimo 10 caracteres)',
  placeholderDificultades: 'Obligatorio si el avance es 0, si supera la meta o si el nivel baja',
  placeholderEvidencia: 'https://…',
  requiredIndicator: 'Elige el indicador.',
  requiredPeriod: 'Elige el mes.',
  requiredValue: 'Escribe el valor.',
  requiredLogros: 'Describe los logros del periodo.',
  requiredEvidencia: 'Pega el enlace https:// a la evidencia.',
  hintFor: (id) => `Indicador ${id}`,
  hintTarget: (y, t) => `meta ${y}: ${t}`,
  hintNoTarget: (y) => `sin meta en ${y}`,
  hintLast: (v, p) => `último reporte: ${v} (${p})`,
  hintNoReports: 'sin reportes aún',
  hintsToggle: (n) => `Qué reportar en cada indicador (${n})`,
  hintsHeading: 'Suma: el avance del periodo (lo logrado en el mes). Creciente y Constante: el valor acumulado a la fecha.',
  currentMonthSuffix: ' (en curso)',
  btnSubmit: 'Enviar reporte',
  btnCancel: 'Cancelar',
  notOwnerOf: (id) => `No eres responsable del indicador ${id}. Estos son los indicadores que puedes reportar.`,
  unknownIndicatorNotice: (id) => `El indicador ${id} no existe en el plan. Elige uno de la lista.`,
  invalidFormText: 'Este formulario no es válido y no se guardó nada. Escribe «reportar avance» para abrir uno nuevo.',
  noIndicatorsTitle: 'No tienes indicadores asignados',
  noIndicatorsText:
    'Solo los responsables de un indicador y la Oficina Asesora de Planeación pueden reportar avances. Si debes reportar, pide a la Oficina Asesora de Planeación que te asigne como responsable.',
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
  cancelledText: 'No se guardó nada. Escribe «reportar avance» cuando quieras volver a empezar.',
  refusedTitle: 'No se guardó el reporte',
  saveFailedTitle: 'No se pudo guardar el reporte',
  saveFailedText: 'El almacén no aceptó el reporte y no se guardó nada. Inténtalo de nuevo en un momento; si sigue fallando, avisa a la Oficina Asesora de Planeación.',
  ownersTitle: (id) => `Responsables del indicador ${id}`,
  ownersNone: 'Este indicador no tiene responsables asignados.',
  ownersAdded: (n) => `Se asignó como responsable a ${n}.`,
  ownersRemoved: (n) => `Se quitó como responsable a ${n}.`,
  ownersUnchanged: 'No hubo cambios: ya estaba así.',
  ownersNotFound: (n) => `${n} no era responsable de este indicador.`,
  allOwnersTitle: 'Responsables de los indicadores',
  allOwnersIntro: (w, t) => `${w} de ${t} indicadores tienen responsable asignado.`,
  noOwnerRow: 'Sin responsable',
  adminsTitle: 'Administradores del bot',
  adminsConfigured: 'Configurados (PEI_ADMINS)',
  adminsAdded: 'Agregados en el chat',
  adminAddedNote: (n) => `${n} ahora es administrador: puede asignar responsables, reportar cualquier indicador y ver la auditoría.`,
  adminRemovedNote: (n) => `${n} ya no es administrador.`,
  adminIsConfigured: (n) => `${n} es administrador por configuración (PEI_ADMINS): solo se puede quitar cambiando esa variable.`,
  adminNotFound: (n) => `${n} no era administrador agregado en el chat.`,
  adminOnlyTitle: 'Solo para administradores',
  adminOnlyText: 'Esta acción es de la Oficina Asesora de Planeación (administradores del bot). Si necesitas el cambio, pídeselo a ellos.',
  assignWhichIndicator: 'Indica el indicador, por ejemplo: «asignar responsable 4263 @Ana» o «asignar responsable 4263 ana.perez@secretariageneral.gov.co».',
  assignWhom: 'Indica a quién: menciónalo con @ en Teams o escribe su correo, por ejemplo «asignar responsable 4263 @Ana».',
  mentionWithoutId: (t) => `No reconozco a «${t}» como una mención de Teams: escribe @ y elige a la persona de la lista, o usa su correo.`,
  notAMention: (t) => `No reconozco a «${t}» como una mención de Teams.`,
  assignByEmailPersonal: (id) =>
    `En este chat personal no se puede mencionar a colegas (Teams solo deja mencionar a quienes están en la conversación). Escribe su correo institucional, por ejemplo «asignar responsable ${id} ana.perez@secretariageneral.gov.co»: quedará como responsable y lo reconoceré cuando me escriba con esa cuenta. En un canal o chat de grupo también puedes mencionarlo con @.`,
  auditTitle: 'Auditoría',
  auditTitleFor: (id) => `Auditoría del indicador ${id}`,
  auditIntro: (s, t) => (t > s ? `Los ${s} cambios más recientes de ${t}.` : t === 1 ? '1 cambio registrado.' : `${t} cambios registrados.`),
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
  reviewListIntro: (n) => (n === 1 ? '1 reporte espera la revisión de la Oficina Asesora de Planeación (el más antiguo primero).' : `${n} reportes esperan la revisión de la Oficina Asesora de Planeación (los más antiguos primero).`),
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
  reviewState: { pendiente: '⏳ por revisar', aprobado: '✅ aprobado', devuelto: '↩️ devuelto' },
  returnedNoticeTitle: (id, p) => `↩️ Tu reporte del indicador ${id} de ${p} fue devuelto`,
  returnedNoticeText: (who) => `${who} (Oficina Asesora de Planeación) devolvió el reporte; ya no cuenta en las cifras. Corrígelo y envíalo de nuevo.`,
  returnedReason: 'Motivo',
  btnFixReport: 'Corregir el reporte',
  fixNotice: (p, r) => `Corrige el reporte de ${p} que fue devuelto. Motivo: ${r}`,
  fixUnavailable: 'Ese reporte ya no está devuelto (se corrigió o se revisó de nuevo). Escribe «reportar avance» para abrir el formulario.',
  reviewDigestTitle: (n) => (n === 1 ? '1 reporte por revisar' : `${n} reportes por revisar`),
  reviewDigestIntro: 'Estos reportes de los responsables esperan la revisión de la Oficina Asesora de Planeación (los más antiguos primero).',
  reviewDigestMore: (n) => `y ${n} más`,
  missedNoticeTitle: (p) => `⚠️ Venció el plazo del reporte de ${p}`,
  missedNoticeText: (d) => `El plazo venció el ${d} y no hemos recibido el reporte de estos indicadores. Repórtalo cuanto antes: la Oficina Asesora de Planeación fue informada.`,
  missedAdminsTitle: (p) => `⚠️ Reportes de ${p} sin recibir`,
  missedAdminsText: (n, d) => (n === 1 ? `1 indicador no se reportó antes del plazo (${d}):` : `${n} indicadores no se reportaron antes del plazo (${d}):`),
  missedRow: (id, name, owners) => `**${id}** · ${name} — ${owners}`,
  reviewSubscribedTitle: '✅ Resumen de revisión activado',
  reviewSubscribedText: 'Cada día hábil, desde las 8:00, esta conversación recibe un solo mensaje con los reportes que esperan la revisión de la Oficina Asesora de Planeación (si hay alguno).',
  reviewAlreadySubscribed: 'Esta conversación ya recibe el resumen diario de reportes por revisar.',
  reviewUnsubscribedTitle: 'Resumen de revisión cancelado',
  reviewUnsubscribedText: 'Esta conversación ya no recibe el resumen diario de reportes por revisar. Los administradores lo siguen recibiendo en su chat personal.',
  reviewNotSubscribed: 'Esta conversación no estaba suscrita al resumen de reportes por revisar.',
  auditNone: 'ninguno',
};

const en: ReportStrings = {
  formTitle: 'Report progress',
  formTitleFor: (id) => `Report progress · indicator ${id}`,
  formIntro: (t) =>
    (t === undefined
      ? 'Report the month’s progress: for a Suma indicator, what was achieved in the month; for the others (increasing, constant, decreasing), the level reached to date.'
      : t === 'suma'
        ? 'Report what was achieved in the month: this indicator adds up the months’ values.'
        : 'Report the level reached to date (the cumulative value), not what was achieved in the month alone.') + ' Fields marked * are required.',
  formErrorsSummary: (n) => (n === 1 ? 'Check the field marked in red; nothing was saved.' : `Check the ${n} fields marked in red; nothing was saved.`),
  labelIndicator: 'Indicator',
  labelPeriod: 'Reporting month',
  labelValue: 'Value',
  labelLogros: 'Achievements in the period',
  labelDificultades: 'Difficulties, solutions or justification',
  labelEvidencia: 'Evidence link (https://…)',
  placeholderIndicator: 'Choose the indicator',
  // Values the parser takes in English: "1,500" alone is ambiguous in Bogotá (1,5 or 1500) and is refused.
  placeholderValue: 'For example 1500 · 1,500.5 · 0.25 · 75%',
  placeholderLogros: 'What was achieved in the month (at least 10 characters)',
  placeholderDificultades: 'Required when the progress is 0, exceeds the target or the level drops',
  placeholderEvidencia: 'https://…',
  requiredIndicator: 'Choose the indicator.',
  requiredPeriod: 'Choose the month.',
  requiredValue: 'Type the value.',
  requiredLogros: 'Describe the achievements.',
  requiredEvidencia: 'Paste the https:// link to the evidence.',
  hintFor: (id) => `Indicator ${id}`,
  hintTarget: (y, t) => `${y} target: ${t}`,
  hintNoTarget: (y) => `no target in ${y}`,
  hintLast: (v, p) => `last report: ${v} (${p})`,
  hintNoReports: 'no reports yet',
  hintsToggle: (n) => `What to report for each indicator (${n})`,
  hintsHeading: 'Suma: the progress in the period (what was achieved in the month). Creciente and Constante: the cumulative value to date.',
  currentMonthSuffix: ' (in progress)',
  btnSubmit: 'Submit report',
  btnCancel: 'Cancel',
  notOwnerOf: (id) => `You are not an owner of indicator ${id}. These are the indicators you can report.`,
  unknownIndicatorNotice: (id) => `Indicator ${id} does not exist in the plan. Choose one from the list.`,
  invalidFormText: 'This form is not valid and nothing was saved. Type “report progress” to open a new one.',
  noIndicatorsTitle: 'You have no indicators assigned',
  noIndicatorsText:
    'Only an indicator’s owners and the planning office (Oficina Asesora de Planeación) can report progress. If you should report, ask the planning office to assign you as an owner.',
  storedTitle: '✅ Report saved',
  correctionTitle: (v) => `✅ Correction saved (v${v})`,
  duplicateTitle: 'This report was already saved',
  duplicateText: 'We had already received this form: nothing new was stored.',
  factIndicator: 'Indicator',
  factPeriod: 'Month',
  factValue: 'Value',
  factVersion: 'Version',
  versionFirst: 'v1 (first report of the month)',
  versionCorrection: (v) => `correction v${v}`,
  factAuthor: 'Reported by',
  factWhen: 'Saved',
  factLogros: 'Achievements',
  factDificultades: 'Difficulties',
  factEvidencia: 'Evidence',
  notesHeading: 'Notes',
  btnSeeIndicator: (id) => `See indicator ${id}`,
  cancelledTitle: 'Report cancelled',
  cancelledText: 'Nothing was saved. Type “report progress” whenever you want to start again.',
  refusedTitle: 'The report was not saved',
  saveFailedTitle: 'The report could not be saved',
  saveFailedText: 'The store did not accept the report and nothing was saved. Try again in a moment; if it keeps failing, tell the planning office.',
  ownersTitle: (id) => `Owners of indicator ${id}`,
  ownersNone: 'This indicator has no owners assigned.',
  ownersAdded: (n) => `${n} assigned as owner.`,
  ownersRemoved: (n) => `${n} removed as owner.`,
  ownersUnchanged: 'Nothing changed: it was already so.',
  ownersNotFound: (n) => `${n} was not an owner of this indicator.`,
  allOwnersTitle: 'Indicator owners',
  allOwnersIntro: (w, t) => `${w} of ${t} indicators have an owner assigned.`,
  noOwnerRow: 'No owner',
  adminsTitle: 'Bot administrators',
  adminsConfigured: 'Configured (PEI_ADMINS)',
  adminsAdded: 'Added in chat',
  adminAddedNote: (n) => `${n} is now an administrator: they can assign owners, report any indicator and see the audit log.`,
  adminRemovedNote: (n) => `${n} is no longer an administrator.`,
  adminIsConfigured: (n) => `${n} is an administrator by configuration (PEI_ADMINS): only changing that setting removes them.`,
  adminNotFound: (n) => `${n} was not an administrator added in chat.`,
  adminOnlyTitle: 'Administrators only',
  adminOnlyText: 'This is for the planning office (the bot’s administrators). If you need the change, please ask them.',
  assignWhichIndicator: 'Say which indicator, for example: “assign owner 4263 @Ana” or “assign owner 4263 ana.perez@secretariageneral.gov.co”.',
  assignWhom: 'Say who: @mention them in Teams or type their e-mail, for example “assign owner 4263 @Ana”.',
  mentionWithoutId: (t) => `I can’t tell who “${t}” is: type @ and pick the person from the list, or use their e-mail.`,
  notAMention: (t) => `I can’t tell who “${t}” is: it is not a Teams mention.`,
  assignByEmailPersonal: (id) =>
    `In this personal chat colleagues can’t be @mentioned (Teams only lets you mention people in the conversation). Type their work e-mail, for example “assign owner ${id} ana.perez@secretariageneral.gov.co”: they become the owner and I’ll recognise them when they write from that account. In a channel or group chat you can also @mention them.`,
  auditTitle: 'Audit log',
  auditTitleFor: (id) => `Audit log of indicator ${id}`,
  auditIntro: (s, t) => (t > s ? `The latest ${s} of ${t} changes.` : t === 1 ? '1 change recorded.' : `${t} changes recorded.`),
  auditEmpty: 'No changes recorded.',
  auditActions: {
    'report.create': 'Report',
    'report.correct': 'Report correction',
    'owners.set': 'Owners',
    'admin.add': 'Administrator added',
    'admin.remove': 'Administrator removed',
    'subscription.add': 'Digest subscription',
    'subscription.remove': 'Subscription cancelled',
    'report.approve': 'Report approved',
    'report.return': 'Report returned',
  },
  reviewListTitle: 'Reports to review',
  reviewListIntro: (n) => (n === 1 ? '1 report waits for the planning office\'s review (oldest first).' : `${n} reports wait for the planning office's review (oldest first).`),
  reviewListEmpty: 'Nothing to review. ✅',
  reviewItemLine: (v, a, w) => `v${v} · ${a} · ${w}`,
  btnApprove: 'Approve',
  btnReturn: 'Return',
  returnReasonLabel: 'Reason for returning it (at least 10 characters)',
  returnReasonPlaceholder: 'What the owner must fix',
  btnConfirmReturn: 'Return to the owner',
  btnReviewList: (n) => `Reports to review (${n})`,
  reviewDoneTitle: 'Review recorded',
  reviewRefusedTitle: 'The review was not recorded',
  factReview: 'Review',
  reviewState: { pendiente: '⏳ to review', aprobado: '✅ approved', devuelto: '↩️ returned' },
  returnedNoticeTitle: (id, p) => `↩️ Your report of indicator ${id} for ${p} was returned`,
  returnedNoticeText: (who) => `${who} (planning office) returned the report; it no longer counts in the figures. Fix it and send it again.`,
  returnedReason: 'Reason',
  btnFixReport: 'Fix the report',
  fixNotice: (p, r) => `Fix the report for ${p} that was returned. Reason: ${r}`,
  fixUnavailable: 'That report is no longer returned (it was corrected or reviewed again). Write "report progress" to open the form.',
  reviewDigestTitle: (n) => (n === 1 ? '1 report to review' : `${n} reports to review`),
  reviewDigestIntro: 'These owners\' reports wait for the planning office\'s review (oldest first).',
  reviewDigestMore: (n) => `and ${n} more`,
  missedNoticeTitle: (p) => `⚠️ The report for ${p} is overdue`,
  missedNoticeText: (d) => `The deadline was ${d} and we have not received the report of these indicators. Please report it as soon as you can: the planning office was told.`,
  missedAdminsTitle: (p) => `⚠️ Reports for ${p} not received`,
  missedAdminsText: (n, d) => (n === 1 ? `1 indicator was not reported by the deadline (${d}):` : `${n} indicators were not reported by the deadline (${d}):`),
  missedRow: (id, name, owners) => `**${id}** · ${name} — ${owners}`,
  reviewSubscribedTitle: '✅ Review digest on',
  reviewSubscribedText: 'Every business day from 8:00 this conversation gets one message with the reports waiting for the planning office\'s review (when there are any).',
  reviewAlreadySubscribed: 'This conversation already gets the daily digest of reports to review.',
  reviewUnsubscribedTitle: 'Review digest cancelled',
  reviewUnsubscribedText: 'This conversation no longer gets the daily digest of reports to review. Admins still get it in their personal chat.',
  reviewNotSubscribed: 'This conversation was not subscribed to the digest of reports to review.',
  auditNone: 'none',
};

export function reportStrings(lang: Lang): ReportStrings {
  return lang === 'en' ? en : es;
}
