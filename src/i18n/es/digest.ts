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
  reminderList: (n) => (n === 1 ? 'Tienes 1 indicador sin reporte:' : `Tienes ${n} indicadores sin reporte:`),
  reminderHowTo: 'Escribe «reportar» o usa el botón para registrar el avance.',
  btnReport: 'Reportar avance',
  btnReportIndicator: (id) => `Reportar ${id}`,
  reminderSummary: (p) => `Recordatorio: reporte de ${p}`,

  subscribedTitle: '✅ Resumen semanal activado',
  subscribedText: (w) =>
    `${w} recibirá el resumen semanal del PEI: estado del plan, cambios de la semana, indicadores rezagados y reportes pendientes.`,
  alreadySubscribedTitle: 'El resumen semanal ya estaba activado',
  alreadySubscribedText: (w) => `${w} ya recibe el resumen semanal del PEI.`,
  nextRun: (w) => `Próximo envío: ${w}.`,
  unsubscribedTitle: 'Resumen semanal cancelado',
  unsubscribedText: (w) => `${w} ya no recibirá el resumen semanal. Puedes volver a activarlo cuando quieras.`,
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
