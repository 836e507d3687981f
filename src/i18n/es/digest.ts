import type { DigestStrings } from '../types/digest';

export const digest: DigestStrings = {
  weekdays: ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'],
  time: (h, m) => `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'a. m.' : 'p. m.'}`,
  dayAndDate: (w, d) => `${w} ${d}`,

  digestTitle: 'Resumen semanal del PEI',
  digestPeriod: (y, a) => `Vigencia ${y} · corte al ${a}`,
  digestOnDemand: (by) => `Enviado a pedido de ${by}.`,
  planStatusCaption: 'Estado del plan:',
  annualProgress: (y) => `Avance ${y}`,
  expectedToDate: 'Esperado a la fecha',
  fourYearProgress: 'Avance del cuatrienio',
  objectivesHeading: 'Objetivos de un vistazo',
  objectiveRow: (n, name) => `**${n}** · ${name}`,
  objectiveDetail: (s, e, p) => `${s} · esperado ${e}${p ? ` · ⏳ ${p} sin reporte` : ''}`,
  openObjectiveHeading: 'Abrir un objetivo',
  objectiveButton: (n) => `Obj. ${n}`,
  seeObjective: (n) => `Ver el objetivo ${n}`,
  changesHeading: (since) => `Cambios desde el último resumen (${since})`,
  changesHeadingFirst: (d) => `Cambios de los últimos ${d} días`,
  reportsReceived: (r, i) =>
    `Se recibieron ${r} ${r === 1 ? 'reporte' : 'reportes'} de ${i} ${i === 1 ? 'indicador' : 'indicadores'}.`,
  noReports: 'No se recibieron reportes nuevos.',
  reportLine: (p, v, a, ver) => `${p}: ${v}${a ? ` (${a})` : ''}${ver > 1 ? ` · corrección v${ver}` : ''}`,
  statusChangesHeading: (n) => `Cambios de estado (${n})`,
  noStatusChanges: 'Ningún cambio de estado.',
  firstDigestNoChanges:
    'Es el primer resumen de esta conversación: los cambios de estado se mostrarán desde el próximo.',
  planLabel: 'Plan',
  objectiveLabel: (n) => `Objetivo ${n}`,
  laggingHeading: (r, a) => `Indicadores rezagados: ${r} en rojo, ${a} en amarillo`,
  noLagging: 'Ningún indicador en rojo ni en amarillo. 🎉',
  noLaggingButBehind: (u, t, y) =>
    u > 0
      ? `Ningún indicador en rojo ni en amarillo entre los que reportaron, pero ${u} de ${t} ${t === 1 ? 'indicador no ha' : 'indicadores no han'} reportado nada en ${y}.`
      : 'Ningún indicador en rojo ni en amarillo, pero el plan o algún objetivo va rezagado.',
  laggingDetail: (p, e, o) => `Avance ${p} de ${e} esperado · Responsable: ${o}`,
  pendingHeading: (p, d) => `Reportes pendientes de ${p} (plazo: ${d})`,
  noPending: (p) => `Todos los indicadores reportaron ${p}. ✅`,
  pendingSummary: (n, u) =>
    `${n === 1 ? '1 indicador no ha reportado' : `${n} indicadores no han reportado`}${u ? ` (${u} sin responsable asignado)` : ''}.`,
  pendingOwners: (o) => `Responsable: ${o}`,
  complianceLine: (y, a, t, s, p) =>
    `Cumplimiento de reportes ${y}: ${a} meses a tiempo, ${t} tarde, ${s} sin reporte y ${p} en plazo («cumplimiento» para el detalle).`,
  noOwner: 'sin responsable',
  seeIndicator: (id) => `Ver el indicador ${id}`,
  andMore: (n) => `y ${n} más`,
  btnSeePlan: 'Ver el plan',
  btnLagging: 'Ver rezagados',
  objectivesGlance: (c) => `Objetivos: ${c}`,
  pendingGlance: (p, n, d) =>
    n === 0
      ? `Todos los indicadores reportaron ${p}. ✅`
      : `${n === 1 ? '1 indicador' : `${n} indicadores`} sin reporte de ${p} (plazo: ${d}).`,
  btnDetail: 'Ver el detalle',
  summary: 'Resumen semanal del PEI',

  reminderTitle: (p) => `Recordatorio: reporte de ${p}`,
  reminderGreeting: (n) => `Hola, ${n}.`,
  reminderWhen: (d, p, dl) =>
    d === 0
      ? `Hoy, ${dl}, vence el plazo para reportar ${p}.`
      : `${d === 1 ? 'Falta 1 día' : `Faltan ${d} días`} para el plazo del reporte de ${p}: ${dl} (5.º día hábil del mes).`,
  reminderList: (n) => (n === 1 ? 'Tiene 1 indicador sin reporte:' : `Tiene ${n} indicadores sin reporte:`),
  reminderHowTo: 'Escriba «reportar» o use el botón para registrar el avance.',
  btnReport: 'Reportar avance',
  btnReportIndicator: (id) => `Reportar ${id}`,
  reminderSummary: (p) => `Recordatorio: reporte de ${p}`,

  remindersTitle: (p, plan) => `Recordatorios del reporte de ${p} (${plan})`,
  remindersOpen: (dl, days) =>
    days
      ? `Plazo: ${dl}. Los responsables con indicadores sin reporte recibirán recordatorios el ${days}, en su chat personal con el bot.`
      : `Plazo: ${dl}. Ya no quedan recordatorios programados antes del plazo.`,
  remindersClosed: (p, dl, next) =>
    `El plazo de ${p} venció el ${dl}: no hay un mes con plazo abierto. El próximo mes se podrá reportar desde el ${next}.`,
  remindersNonePending: (p) =>
    `Todos los indicadores con responsable ya reportaron ${p}: no hay recordatorios que enviar.`,
  remindersOwnerValue: (ids, ok) =>
    `${ids} · ${ok ? 'con chat con el bot' : 'sin chat con el bot: no se le puede enviar'}`,
  remindersUnassigned: (ids) => `Sin responsable asignado (nadie recibe recordatorio): ${ids}.`,
  remindersSendButton: 'Enviar recordatorios ahora',
  remindersSendCommand: 'enviar recordatorios ahora',
  remindersSentTitle: (p) => `Recordatorios de ${p} enviados`,
  remindersSentText: (sent, noChat, failed) =>
    [
      sent === 1 ? 'Se envió 1 recordatorio.' : `Se enviaron ${sent} recordatorios.`,
      noChat
        ? noChat === 1
          ? '1 responsable no ha abierto un chat con el bot y no lo recibió.'
          : `${noChat} responsables no han abierto un chat con el bot y no lo recibieron.`
        : '',
      failed ? (failed === 1 ? '1 envío falló.' : `${failed} envíos fallaron.`) : '',
    ]
      .filter(Boolean)
      .join(' '),
  remindersNoChatList: (names) => `Sin chat con el bot: ${names}.`,
  remindersCannotSend: 'Este servidor no puede enviar mensajes por su cuenta en este momento; no se envió nada.',

  subscribedTitle: '✅ Resumen semanal activado',
  subscribedText: (w) =>
    `${w} recibirá el resumen semanal del PEI: estado del plan, cambios de la semana, indicadores rezagados y reportes pendientes.`,
  alreadySubscribedTitle: 'El resumen semanal ya estaba activado',
  alreadySubscribedText: (w) => `${w} ya recibe el resumen semanal del PEI.`,
  nextRun: (w) => `Próximo envío: ${w}.`,
  unsubscribedTitle: 'Resumen semanal cancelado',
  unsubscribedText: (w) => `${w} ya no recibirá el resumen semanal. Puede volver a activarlo cuando quiera.`,
  notSubscribedTitle: 'No había suscripción',
  notSubscribedText: (w) => `${w} no estaba suscrita al resumen semanal.`,
  onlyAdminsTitle: 'Solo para administradores',
  onlyAdminsText:
    'Enviar el resumen a pedido es una función de la Oficina Asesora de Planeación. El resumen llega solo cada semana a las conversaciones suscritas.',
  whereChannel: 'Este canal',
  whereGroup: 'Este chat de grupo',
  wherePersonal: 'Este chat',
  factSchedule: 'Cuándo',
  factNext: 'Próximo envío',
  factBy: 'Activado por',
  scheduleText: (w) => `${w} (hora de Bogotá)`,
  btnSubscribe: 'Suscribir resumen semanal',
  btnUnsubscribe: 'Cancelar resumen',
  btnSendNow: 'Enviar resumen ahora',
  cmdSubscribe: 'suscribir resumen semanal',
  cmdUnsubscribe: 'cancelar resumen',
  cmdSendNow: 'enviar resumen ahora',
};
