import { formatDate, formatNumber } from '../format';
import type { Strings } from '../types/cards';

/** The cards' words in Spanish (Colombia). */
export const cards: Strings = {
  objective: (n, name) => `Objetivo ${n} · ${name}`,
  objectiveShort: (n) => `Objetivo ${n}`,
  indicator: (id) => `Indicador ${id}`,
  periodLine: (year, asOf) => (asOf ? `Vigencia ${year} · corte ${asOf}` : `Vigencia ${year}`),
  statusCaption: 'Semáforo',
  annualProgress: 'Avance anual',
  expectedToDate: 'Esperado a la fecha',
  fourYearProgress: 'Avance cuatrienio',
  quote: (t) => `«${t}»`,
  andMore: (n) => `y ${n} más`,

  btnSeeIndicator: (id) => `Ver indicador ${id}`,
  btnSeeObjective: (n) => `Ver objetivo ${n}`,
  btnReport: 'Reportar avance',
  btnWholePlan: 'Ver todo el plan',
  btnSeePlan: 'Ver el plan',
  btnLagging: 'Qué está en rojo',
  btnHelp: 'Ayuda',
  btnView: 'Ver',

  indicatorsHeading: (n) => (n === 1 ? 'Indicador (1)' : `Indicadores (${n})`),
  tapIndicatorHint: 'Toque un indicador para ver su detalle y sus reportes.',
  weight: 'Peso',
  targetOfYear: (y) => `Meta ${y}`,
  reprogrammed: (before) => `meta reprogramada, antes ${before}`,
  factReprogrammed: (y) => `Meta ${y} reprogramada`,
  executed: 'Ejecutado',
  expected: 'Esperado',
  lastReport: 'Último reporte',
  noReports: 'Sin reportes',
  owner: 'Responsable',
  noOwner: 'Sin responsable',
  pendingIndicator: (y) => `⏳ Pendiente: sin reporte en ${y}`,
  unreviewedLine: (m) => `🔎 Por revisar: ${m} (cuenta mientras la Oficina Asesora de Planeación lo revisa)`,
  reviewTag: '🔎 por revisar',
  btnReviewList: (n) => `Reportes por revisar (${n})`,
  btnExplain: '¿Cómo se calcula?',
  pendingSummary: (p, n, y) =>
    p === 0
      ? `Todos los indicadores con meta en ${y} tienen reporte.`
      : `⏳ ${p} de ${n} ${n === 1 ? 'indicador' : 'indicadores'} con meta en ${y} ${p === 1 ? 'está pendiente' : 'están pendientes'} de reporte.`,
  noTargetThisYear: (y) => `Sin meta en ${y}: no pondera este año`,

  trend: {
    suma: 'Suma: cada reporte es lo logrado en el mes',
    creciente: 'Creciente: cada reporte es el nivel acumulado alcanzado',
    constante: 'Constante: cada reporte es el nivel alcanzado',
    decreciente: 'Decreciente: cada reporte es el nivel alcanzado',
  },
  unit: { number: 'Número', percent: 'Porcentaje' },
  factMeta: 'Meta',
  factTrend: 'Tendencia',
  factUnit: 'Unidad',
  factWeight: (n) => `Peso en el objetivo ${n}`,
  factBaseline: 'Línea base',
  baselineMissing: 'No registrada (se toma 0)',
  factFourYearTarget: 'Meta 2024-2027',
  factOwner: 'Responsable',
  factArea: 'Área',
  programHeading: 'Programado y ejecutado por vigencia',
  colYear: 'Año',
  colProgrammed: 'Programado',
  colExecuted: 'Ejecutado',
  colProgress: 'Avance',
  fourYearRow: 'Cuatrienio',
  chartMonthlyHeading: (y) => `Mes a mes en ${y}`,
  chartMonth: 'Mes',
  chartMonthAxis: 'Mes (1 = enero)',
  chartYearToDate: 'Acumulado del año',
  chartReportedLevel: 'Nivel reportado',
  chartExpected: 'Esperado',
  chartIndicatorsHeading: (y) => `Avance de sus indicadores en ${y}`,
  chartIndicator: 'Indicador',
  chartPercentAxis: 'Porcentaje (%)',
  historyHeading: (n) => `Reportes (${n})`,
  noHistory: 'Aún no hay reportes de este indicador.',
  reportValue: (v) => `valor reportado ${v}`,
  reportVersion: (v) => `versión ${v} (corregido)`,
  reportedOn: (d) => `reportado el ${d}`,
  logros: 'Logros',
  dificultades: 'Dificultades y soluciones',
  evidencia: 'Evidencia',
  evidenceLink: 'Ver evidencia',
  anomaly: {
    'level-drop': 'El nivel bajó frente al reporte anterior',
    'level-rise': 'El nivel subió y el indicador es decreciente',
    'zero-without-explanation': 'Avance en 0 sin explicación en dificultades',
    'over-execution-without-justification': 'Sobre-ejecución sin justificación',
    'closed-period': 'Reportado después del cierre de la vigencia',
  },
  anomalyDetail: (code, p) => {
    const n = (x: number | undefined) => formatNumber(x ?? 0, 'es', 4);
    switch (code) {
      case 'level-drop':
        return `El nivel bajó frente al reporte anterior (${n(p.from)} → ${n(p.to)})`;
      case 'level-rise':
        return `El nivel subió y el indicador es decreciente (${n(p.from)} → ${n(p.to)})`;
      case 'zero-without-explanation':
        return 'Avance en 0 sin explicación en dificultades';
      case 'over-execution-without-justification':
        return `Sobre-ejecución sin justificación (${n(p.level)} frente a la meta ${n(p.target)})`;
      case 'closed-period':
        return `Reportado después del cierre de la vigencia (el ${formatDate(p.reportedOn ?? '', 'es')})`;
    }
  },
  anomaliesSummary: (n) => (n === 1 ? '⚠️ 1 alerta para revisar' : `⚠️ ${n} alertas para revisar`),

  planProgress: 'Avance del plan',
  reportedSummary: (r, n, y) => `${r} de ${n} indicadores con meta en ${y} tienen reporte.`,
  objectivesHeading: 'Objetivos estratégicos',
  tapObjectiveHint: 'Toque un objetivo para ver sus indicadores.',
  pendingShort: (n) => (n === 1 ? '⏳ 1 sin reporte' : `⏳ ${n} sin reporte`),

  laggingTitle: 'Lo que va rezagado',
  laggingIntro: (r, a, p) =>
    `${r} en rojo, ${a} en amarillo y ${p} ${p === 1 ? 'pendiente' : 'pendientes'} de reporte.`,
  groupRed: (n) => `🔴 En rojo (${n})`,
  groupAmber: (n) => `🟡 En amarillo (${n})`,
  groupPending: (n, y) => `⏳ Sin reporte en ${y} (${n})`,
  laggingDetail: (p, e) => `avance ${p} de ${e} esperado`,
  pendingDetail: (e) => `se esperaba ${e} a la fecha`,
  nothingLagging: (y) =>
    `✅ Nada va rezagado: ningún indicador está en rojo ni en amarillo y todos los que tienen meta en ${y} ya reportaron.`,
  openObjectiveHeading: 'Abrir un objetivo',

  welcomeTitle: '¡Hola! Soy el bot del PEI',
  welcomeIntro: (o, i) =>
    o && i
      ? `Le ayudo a seguir el Plan Estratégico Institucional 2024-2027 de la Secretaría General de la Alcaldía Mayor de Bogotá: ${o} objetivos estratégicos y ${i} indicadores, con su avance, lo esperado a la fecha y su semáforo.`
      : 'Le ayudo a seguir el Plan Estratégico Institucional 2024-2027 de la Secretaría General de la Alcaldía Mayor de Bogotá: sus objetivos e indicadores, con su avance, lo esperado a la fecha y su semáforo.',
  examplesHeading: 'Puede escribirme, por ejemplo:',
  tapExampleHint: 'Toque un ejemplo para preguntarlo.',
  examples: {
    objective: { text: '¿cómo va el objetivo 5?', hint: 'semáforo, avance e indicadores de un objetivo' },
    indicator: { text: 'indicador 4263', hint: 'programado, ejecutado y reportes de un indicador' },
    lagging: { text: '¿qué está en rojo?', hint: 'lo rezagado y lo pendiente de reporte' },
    plan: { text: 'plan', hint: 'los 10 objetivos de un vistazo' },
    search: { text: 'CSIRT', hint: 'buscar un indicador por palabras de su nombre' },
    report: { text: 'reportar avance', hint: 'reportar el avance del mes de sus indicadores' },
    mine: { text: 'mis indicadores', hint: 'sus indicadores, el mes por reportar y su plazo' },
    mission: { text: 'misión', hint: 'la misión y la visión de la entidad' },
    compliance: { text: 'cumplimiento', hint: 'meses reportados a tiempo, tarde o sin reporte, por responsable' },
    exportFollowUp: { text: 'exportar seguimiento', hint: 'el libro de Excel del último trimestre (administradores)' },
    subscribe: { text: 'suscribir resumen semanal', hint: 'recibir cada lunes el resumen en este canal' },
    explain: { text: '¿cómo se calcula el objetivo 5?', hint: 'de dónde sale una cifra, paso a paso' },
    unsubscribe: { text: 'cancelar resumen', hint: 'dejar de recibir el resumen semanal aquí' },
    review: {
      text: 'reportes por revisar',
      hint: 'aprobar o devolver (con un motivo) los reportes de los responsables',
    },
    assign: { text: 'asignar responsable 4263 @Ana', hint: 'asignar (o quitar) el responsable de un indicador' },
    owners: { text: 'responsables', hint: 'quién responde por cada indicador' },
    audit: { text: 'auditoría', hint: 'los últimos cambios: reportes, revisiones y responsables' },
    reminders: { text: 'recordatorios', hint: 'quién recibirá recordatorio del mes y cuándo; enviarlos ahora' },
    sendDigestNow: { text: 'enviar resumen ahora', hint: 'el resumen semanal en esta conversación, ya' },
    admins: { text: 'administradores', hint: 'quiénes administran el bot; agregar o quitar' },
  },
  ownersNote:
    'Si usted es responsable de un indicador, repórteme su avance cada mes (hasta el quinto día hábil del mes siguiente); se lo recordaré antes del plazo.',
  adminsNote:
    'La Oficina Asesora de Planeación asigna responsables y puede suscribir un chat o canal al resumen semanal.',
  languageNote: 'También entiendo preguntas en inglés.',
  helpTitle: 'Qué puedo hacer',
  helpIntro:
    'Pregúnteme por el Plan Estratégico Institucional 2024-2027 con sus palabras. Toque un ejemplo para preguntarlo.',
  helpSectionAsk: 'Consultar',
  helpSectionReport: 'Reportar',
  helpSectionAdmin: 'Oficina Asesora de Planeación',
  helpSectionDigest: 'Resumen semanal',
  subscribeHint: {
    personal: 'recibir cada lunes el resumen en este chat personal',
    groupChat: 'recibir cada lunes el resumen en este chat de grupo',
    channel: 'recibir cada lunes el resumen en este canal',
  },
  assignPersonal: {
    text: 'asignar responsable 4263 ana.perez@secretariageneral.gov.co',
    hint: 'asignar el responsable de un indicador por su correo (en un canal o chat de grupo, con @mención)',
  },
  adminHelpNote:
    'Usted administra el bot: sus reportes quedan aprobados de inmediato y puede reportar cualquier indicador.',

  mission: 'Misión',
  vision: 'Visión',
  missionAndVision: 'Misión y visión',
  officialTextNote: 'Texto de la plataforma estratégica de la Secretaría General.',
  legalBasis: (norms) => `Fundamento: ${norms}.`,
  article: (n) => `art. ${n}`,

  chooseTitle: (n, q) => `Encontré ${n} indicadores para «${q}»`,
  chooseQuestion: '¿Cuál quiere ver?',
  chooseMore: (n) => `Hay ${n} más: escriba más palabras para afinar la búsqueda.`,

  notUnderstoodTitle: 'No le entendí',
  notUnderstoodText: (t) => `No sé responder a «${t}». Pruebe con una de estas preguntas:`,
  notUnderstoodExamples: ['¿cómo va el objetivo 5?', '¿qué está en rojo?', 'indicador 4263', 'ayuda'],
  unknownObjectiveTitle: (n) => `No existe el objetivo ${n}`,
  unknownObjectiveText: (c) => `El plan tiene ${c} objetivos estratégicos, numerados del 1 al ${c}. Elija uno:`,
  unknownIndicatorTitle: (id) => `No encontré el indicador «${id}»`,
  unknownIndicatorText:
    'Los indicadores se identifican por su código (por ejemplo 4263), por proyecto y meta (8116-M3) o como O10-1 y O10-2. También puede escribir palabras de su nombre, como «CSIRT».',
  exportTitle: (q, y) => `Seguimiento del PEI: T${q} ${y}`,
  exportText: (d, running) =>
    running
      ? `El libro de Excel del seguimiento con corte al ${d} (el trimestre sigue en curso): indicadores, resumen ponderado y hallazgos del plan.`
      : `El libro de Excel del seguimiento con corte al ${d}: indicadores, resumen ponderado y hallazgos del plan.`,
  exportFactQuarter: 'Trimestre',
  exportFactCut: 'Corte',
  bogotaTime: (t) => `${t} (Bogotá)`,
  quarterLabel: (q, y) => `T${q} ${y}`,
  exportFactExpires: 'El enlace vence',
  exportFactFile: 'Archivo',
  exportButton: 'Descargar el libro (Excel)',
  exportNote:
    'El enlace funciona sin iniciar sesión durante 15 minutos; no lo reenvíe. Después, pida otro con «exportar seguimiento».',
  exportOnlyAdmins:
    'Solo la Oficina Asesora de Planeación (administradores del bot) puede exportar el seguimiento. Si necesita el libro, pídalo a la Oficina.',
  exportNotStarted: (q, y) =>
    `El trimestre T${q} de ${y} aún no ha empezado: no hay seguimiento que exportar. Pruebe con «exportar seguimiento» (el último trimestre cerrado).`,
  exportOutsidePlan: (y, a, b) => `El plan cubre ${a}–${b}; no hay seguimiento de ${y}.`,
  exportUnavailable: 'Los enlaces de descarga no están configurados en este servidor.',
  complianceTitle: (y) => `Cumplimiento de reportes ${y}`,
  complianceSubtitle: (d, m) =>
    `Meses cerrados al ${d}: ${m}. Plazo de cada mes: el quinto día hábil del mes siguiente (festivos de Colombia).`,
  complianceTotals: (a, t, s, p) => `En total: ${a} a tiempo, ${t} tarde, ${s} sin reporte y ${p} en plazo.`,
  complianceHeaderOwner: 'Responsable',
  complianceHeaderOnTime: 'A tiempo',
  complianceHeaderLate: 'Tarde',
  complianceHeaderMissing: 'Sin reporte',
  complianceHeaderOpen: 'En plazo',
  complianceIndicators: (ids) => `Indicadores: ${ids}`,
  complianceUnassigned: 'Sin responsable asignado',
  complianceNote:
    'Cuenta los meses de los indicadores con meta en el año; un mes va «a tiempo» si su primera versión se guardó a más tardar en su plazo.',
  complianceNoMonths: (y) => `Aún no ha cerrado ningún mes de ${y}: no hay cumplimiento que medir.`,
  helloText:
    '¡Hola! 👋 Soy PEI Bot: le cuento cómo va el Plan Estratégico Institucional. Pregúnteme, por ejemplo, «¿cómo va el objetivo 5?».',
  thanksText: '¡Con gusto! 🙂 Aquí estoy cuando necesite algo del plan.',
  outOfScopeTitle: 'Eso no lo sé responder',
  outOfScopeText: (t) =>
    `No tengo información sobre «${t}»: solo sigo el avance del Plan Estratégico Institucional (objetivos, indicadores, metas y sus reportes). Para eso, consulte al área encargada. Sobre el plan puedo responderle, por ejemplo:`,
  chooseObjectiveTitle: '¿Cuál objetivo?',
  chooseObjectiveText: (c) => `El plan tiene ${c} objetivos estratégicos. Toque uno para ver cómo va:`,
};
