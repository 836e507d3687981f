import type { MineStrings } from '../types/mine';

export const mine: MineStrings = {
  title: 'Mis indicadores',
  intro: (count, year, asOf) =>
    `Tiene ${count === 1 ? '1 indicador' : `${count} indicadores`} a su cargo. Avance de ${year} con corte al ${asOf}.`,
  dueLine: (month, deadline) => `Por reportar: ${month}, plazo hasta el ${deadline}`,
  overdueLine: (month, deadline) => `Vencido: ${month} sin reporte (el plazo fue el ${deadline})`,
  reportedLine: (month, next, nextDeadline) =>
    `${month} reportado · siguiente: ${next}, plazo hasta el ${nextDeadline}`,
  reportedOnlyLine: (month) => `${month} reportado`,
  noTargetLine: (year) => `Sin meta programada en ${year}: no se espera reporte`,
  missingMonths: (n, months) => `${n === 1 ? 'Otro mes' : `Otros ${n} meses`} de este año sin reporte: ${months}`,
  btnReport: 'Reportar',
  btnOpen: 'Ver el indicador',
  nobodyTitle: 'No tiene indicadores a su cargo',
  nobodyText:
    'Ningún indicador del plan lo tiene como responsable. Si debe reportar alguno, pida a la Oficina Asesora de Planeación (o a un administrador del bot) que lo asigne: «asignar responsable 4263 @su nombre».',
  nobodyAdminText:
    'Ningún indicador lo tiene como responsable. Como administrador puede reportar cualquiera («reportar avance») y asignar responsables («asignar responsable 4263 @nombre»); «responsables» muestra quién tiene cada uno.',
  helpQuery: 'ayuda',
  btnHelp: 'Qué puedo hacer',

  previewIndicatorTitle: (id, name) => `${id} · ${name}`,
  previewObjectiveTitle: (n, name) => `Objetivo ${n} · ${name}`,
  previewSubtitle: (status, progress, year) => `${status} · ${progress} en ${year}`,
  previewOwnSubtitle: (status, due) => `${status} · ${due}`,
};
