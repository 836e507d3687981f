import type { Lang } from './format';

/**
 * The words of the digest, reminder and subscription cards (views/digest-cards.ts). Spanish (Colombia) first;
 * English when the user wrote English. Scheduled digests and reminders always go out in Spanish.
 */

export interface DigestStrings {
  weekdays: readonly string[];
  /** "8:00 a. m." */
  time(hour: number, minute: number): string;
  /** "lunes 7 de julio de 2025" from the weekday and formatDate's text. */
  dayAndDate(weekday: string, date: string): string;

  // Digest
  digestTitle: string;
  digestPeriod(year: number, asOf: string): string;
  digestOnDemand(by: string): string;
  planStatusCaption: string;
  annualProgress(year: number): string;
  expectedToDate: string;
  fourYearProgress: string;
  objectivesHeading: string;
  objectiveRow(n: number, name: string): string;
  objectiveDetail(status: string, expected: string, pending: number): string;
  openObjectiveHeading: string;
  objectiveButton(n: number): string;
  seeObjective(n: number): string;
  changesHeading(since: string): string;
  changesHeadingFirst(days: number): string;
  reportsReceived(reports: number, indicators: number): string;
  noReports: string;
  reportLine(period: string, value: string, author: string, version: number): string;
  statusChangesHeading(n: number): string;
  noStatusChanges: string;
  firstDigestNoChanges: string;
  planLabel: string;
  objectiveLabel(n: number): string;
  laggingHeading(red: number, amber: number): string;
  noLagging: string;
  /** No indicator in red or amber, but the plan or an objective lags, or indicators have reported nothing: no 🎉. */
  noLaggingButBehind(unreported: number, withTarget: number, year: number): string;
  laggingDetail(progress: string, expected: string, owner: string): string;
  pendingHeading(period: string, deadline: string): string;
  noPending(period: string): string;
  pendingSummary(pending: number, unassigned: number): string;
  pendingOwners(owners: string): string;
  complianceLine(year: number, onTime: number, late: number, missing: number, open: number): string;
  noOwner: string;
  seeIndicator(id: string): string;
  andMore(n: number): string;
  btnSeePlan: string;
  btnLagging: string;
  summary: string;

  // Reminder
  reminderTitle(period: string): string;
  reminderGreeting(name: string): string;
  reminderWhen(daysLeft: number, period: string, deadline: string): string;
  reminderList(n: number): string;
  reminderHowTo: string;
  btnReport: string;
  btnReportIndicator(id: string): string;
  reminderSummary(period: string): string;

  // Subscription
  subscribedTitle: string;
  subscribedText(where: string): string;
  alreadySubscribedTitle: string;
  alreadySubscribedText(where: string): string;
  nextRun(when: string): string;
  unsubscribedTitle: string;
  unsubscribedText(where: string): string;
  notSubscribedTitle: string;
  notSubscribedText(where: string): string;
  onlyAdminsTitle: string;
  onlyAdminsText: string;
  whereChannel: string;
  whereGroup: string;
  wherePersonal: string;
  factSchedule: string;
  factNext: string;
  factBy: string;
  scheduleText(when: string): string;
  btnSubscribe: string;
  btnUnsubscribe: string;
  btnSendNow: string;
  cmdSubscribe: string;
  cmdUnsubscribe: string;
  cmdSendNow: string;
}

const es: DigestStrings = {
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
  reportsReceived: (r, i) => `Se recibieron ${r} ${r === 1 ? 'reporte' : 'reportes'} de ${i} ${i === 1 ? 'indicador' : 'indicadores'}.`,
  noReports: 'No se recibieron reportes nuevos.',
  reportLine: (p, v, a, ver) => `${p}: ${v}${a ? ` (${a})` : ''}${ver > 1 ? ` · corrección v${ver}` : ''}`,
  statusChangesHeading: (n) => `Cambios de estado (${n})`,
  noStatusChanges: 'Ningún cambio de estado.',
  firstDigestNoChanges: 'Es el primer resumen de esta conversación: los cambios de estado se mostrarán desde el próximo.',
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
  complianceLine: (y, a, t, s, p) => `Cumplimiento de reportes ${y}: ${a} meses a tiempo, ${t} tarde, ${s} sin reporte y ${p} en plazo («cumplimiento» para el detalle).`,
  noOwner: 'sin responsable',
  seeIndicator: (id) => `Ver el indicador ${id}`,
  andMore: (n) => `y ${n} más`,
  btnSeePlan: 'Ver el plan',
  btnLagging: 'Ver rezagados',
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
  subscribedText: (w) => `${w} recibirá el resumen semanal del PEI: estado del plan, cambios de la semana, indicadores rezagados y reportes pendientes.`,
  alreadySubscribedTitle: 'El resumen semanal ya estaba activado',
  alreadySubscribedText: (w) => `${w} ya recibe el resumen semanal del PEI.`,
  nextRun: (w) => `Próximo envío: ${w}.`,
  unsubscribedTitle: 'Resumen semanal cancelado',
  unsubscribedText: (w) => `${w} ya no recibirá el resumen semanal. Puedes volver a activarlo cuando quieras.`,
  notSubscribedTitle: 'No había suscripción',
  notSubscribedText: (w) => `${w} no estaba suscrita al resumen semanal.`,
  onlyAdminsTitle: 'Solo para administradores',
  onlyAdminsText: 'Enviar el resumen a pedido es una función de la Oficina Asesora de Planeación. El resumen llega solo cada semana a las conversaciones suscritas.',
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

const en: DigestStrings = {
  weekdays: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
  time: (h, m) => `${h % 12 === 0 ? 12 : h % 12}:${String(m).padStart(2, '0')} ${h < 12 ? 'AM' : 'PM'}`,
  dayAndDate: (w, d) => `${w}, ${d}`,

  digestTitle: 'Weekly PEI digest',
  digestPeriod: (y, a) => `${y} plan year · as of ${a}`,
  digestOnDemand: (by) => `Sent at the request of ${by}.`,
  planStatusCaption: 'Plan status:',
  annualProgress: (y) => `${y} progress`,
  expectedToDate: 'Expected to date',
  fourYearProgress: 'Four-year progress',
  objectivesHeading: 'Objectives at a glance',
  objectiveRow: (n, name) => `**${n}** · ${name}`,
  objectiveDetail: (s, e, p) => `${s} · expected ${e}${p ? ` · ⏳ ${p} without a report` : ''}`,
  openObjectiveHeading: 'Open an objective',
  objectiveButton: (n) => `Obj. ${n}`,
  seeObjective: (n) => `See objective ${n}`,
  changesHeading: (since) => `Changes since the last digest (${since})`,
  changesHeadingFirst: (d) => `Changes in the last ${d} days`,
  reportsReceived: (r, i) => `${r} ${r === 1 ? 'report' : 'reports'} received for ${i} ${i === 1 ? 'indicator' : 'indicators'}.`,
  noReports: 'No new reports were received.',
  reportLine: (p, v, a, ver) => `${p}: ${v}${a ? ` (${a})` : ''}${ver > 1 ? ` · correction v${ver}` : ''}`,
  statusChangesHeading: (n) => `Status changes (${n})`,
  noStatusChanges: 'No status changes.',
  firstDigestNoChanges: 'This is the first digest in this conversation: status changes will show from the next one.',
  planLabel: 'Plan',
  objectiveLabel: (n) => `Objective ${n}`,
  laggingHeading: (r, a) => `Lagging indicators: ${r} red, ${a} amber`,
  noLagging: 'No indicator is red or amber. 🎉',
  noLaggingButBehind: (u, t, y) =>
    u > 0
      ? `No indicator that reported is red or amber, but ${u} of ${t} ${t === 1 ? 'indicator has' : 'indicators have'} reported nothing in ${y}.`
      : 'No indicator is red or amber, but the plan or an objective is behind.',
  laggingDetail: (p, e, o) => `Progress ${p} of ${e} expected · Owner: ${o}`,
  pendingHeading: (p, d) => `Reports pending for ${p} (deadline: ${d})`,
  noPending: (p) => `Every indicator has reported ${p}. ✅`,
  pendingSummary: (n, u) => `${n === 1 ? '1 indicator has not reported' : `${n} indicators have not reported`}${u ? ` (${u} without an owner)` : ''}.`,
  pendingOwners: (o) => `Owner: ${o}`,
  complianceLine: (y, a, t, s, p) => `Reporting compliance ${y}: ${a} months on time, ${t} late, ${s} missing and ${p} not yet due («compliance» for the detail).`,
  noOwner: 'no owner',
  seeIndicator: (id) => `See indicator ${id}`,
  andMore: (n) => `and ${n} more`,
  btnSeePlan: 'See the plan',
  btnLagging: 'See lagging',
  summary: 'Weekly PEI digest',

  reminderTitle: (p) => `Reminder: ${p} report`,
  reminderGreeting: (n) => `Hello, ${n}.`,
  reminderWhen: (d, p, dl) =>
    d === 0
      ? `The ${p} report is due today, ${dl}.`
      : `${d === 1 ? '1 day' : `${d} days`} left until the ${p} report is due: ${dl} (5th business day of the month).`,
  reminderList: (n) => (n === 1 ? 'You have 1 indicator without a report:' : `You have ${n} indicators without a report:`),
  reminderHowTo: 'Type "report" or use the button to record progress.',
  btnReport: 'Report progress',
  btnReportIndicator: (id) => `Report ${id}`,
  reminderSummary: (p) => `Reminder: ${p} report`,

  subscribedTitle: '✅ Weekly digest on',
  subscribedText: (w) => `${w} will get the weekly PEI digest: plan status, the week's changes, lagging indicators and pending reports.`,
  alreadySubscribedTitle: 'The weekly digest was already on',
  alreadySubscribedText: (w) => `${w} already gets the weekly PEI digest.`,
  nextRun: (w) => `Next digest: ${w}.`,
  unsubscribedTitle: 'Weekly digest cancelled',
  unsubscribedText: (w) => `${w} will no longer get the weekly digest. You can turn it back on at any time.`,
  notSubscribedTitle: 'There was no subscription',
  notSubscribedText: (w) => `${w} was not subscribed to the weekly digest.`,
  onlyAdminsTitle: 'Admins only',
  onlyAdminsText: 'Sending the digest on demand is for the planning office (Oficina Asesora de Planeación). Subscribed conversations get it every week on their own.',
  whereChannel: 'This channel',
  whereGroup: 'This group chat',
  wherePersonal: 'This chat',
  factSchedule: 'When',
  factNext: 'Next digest',
  factBy: 'Turned on by',
  scheduleText: (w) => `${w} (Bogotá time)`,
  btnSubscribe: 'Subscribe weekly digest',
  btnUnsubscribe: 'Cancel digest',
  btnSendNow: 'Send digest now',
  cmdSubscribe: 'subscribe weekly digest',
  cmdUnsubscribe: 'cancel digest',
  cmdSendNow: 'send digest now',
};

export function digestStrings(lang: Lang): DigestStrings {
  return lang === 'en' ? en : es;
}
