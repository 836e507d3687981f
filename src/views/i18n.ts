import type { Trend, Unit } from '../plan/types';
import type { AnomalyCode } from '../progress/engine';
import type { Lang } from './format';

/**
 * Every string of the bot's cards, one object per language. Spanish (Colombia) first; English when the user wrote
 * English. The templates in cards/ carry no words: they take all of these from the view models.
 */

export type { Lang } from './format';

export interface Example {
  /** The phrase as a person would type it; tapping it sends it to the bot. */
  text: string;
  /** What it answers. */
  hint: string;
}

export interface Strings {
  // Shared
  objective(n: number, name: string): string;
  objectiveShort(n: number): string;
  indicator(id: string): string;
  periodLine(year: number, asOfText: string | null): string;
  statusCaption: string;
  annualProgress: string;
  expectedToDate: string;
  fourYearProgress: string;
  quote(text: string): string;
  /** "y N más" after a cut list. */
  andMore(n: number): string;

  // Buttons
  btnSeeIndicator(id: string): string;
  btnSeeObjective(n: number): string;
  btnReport: string;
  btnWholePlan: string;
  btnSeePlan: string;
  btnLagging: string;
  btnHelp: string;
  btnView: string;

  // Objective card
  indicatorsHeading(n: number): string;
  tapIndicatorHint: string;
  weight: string;
  targetOfYear(year: number): string;
  executed: string;
  expected: string;
  lastReport: string;
  noReports: string;
  owner: string;
  noOwner: string;
  pendingIndicator(year: number): string;
  /** A figure that counts a version still waiting for the planning office's review. */
  unreviewedLine(months: string): string;
  reviewTag: string;
  btnReviewList(n: number): string;
  btnExplain: string;
  pendingSummary(pending: number, withTarget: number, year: number): string;
  noTargetThisYear(year: number): string;

  // Indicator card
  trend: Record<Trend, string>;
  unit: Record<Unit, string>;
  factMeta: string;
  factTrend: string;
  factUnit: string;
  factWeight(objective: number): string;
  factBaseline: string;
  baselineMissing: string;
  factFourYearTarget: string;
  factOwner: string;
  factArea: string;
  programHeading: string;
  colYear: string;
  colProgrammed: string;
  colExecuted: string;
  colProgress: string;
  fourYearRow: string;
  historyHeading(n: number): string;
  noHistory: string;
  reportValue(value: string): string;
  reportVersion(v: number): string;
  reportedOn(date: string): string;
  logros: string;
  dificultades: string;
  evidencia: string;
  evidenceLink: string;
  anomaly: Record<AnomalyCode, string>;
  anomaliesSummary(n: number): string;

  // Plan summary
  planProgress: string;
  reportedSummary(reported: number, withTarget: number, year: number): string;
  objectivesHeading: string;
  tapObjectiveHint: string;
  pendingShort(n: number): string;

  // Lagging
  laggingTitle: string;
  laggingIntro(red: number, amber: number, pending: number): string;
  groupRed(n: number): string;
  groupAmber(n: number): string;
  groupPending(n: number, year: number): string;
  laggingDetail(progress: string, expected: string): string;
  pendingDetail(expected: string): string;
  nothingLagging(year: number): string;
  openObjectiveHeading: string;

  // Help and welcome
  welcomeTitle: string;
  welcomeIntro(objectives: number | null, indicators: number | null): string;
  examplesHeading: string;
  tapExampleHint: string;
  examples: {
    objective: Example;
    indicator: Example;
    lagging: Example;
    plan: Example;
    search: Example;
    report: Example;
    mission: Example;
    subscribe: Example;
    compliance: Example;
    exportFollowUp: Example;
  };
  ownersNote: string;
  adminsNote: string;
  languageNote: string;
  helpTitle: string;
  helpIntro: string;
  helpSectionAsk: string;
  helpSectionReport: string;
  helpSectionAdmin: string;

  // Mission and vision
  mission: string;
  vision: string;
  missionAndVision: string;
  officialTextNote: string;
  legalBasis(norms: string): string;
  article(n: string): string;

  // Choosing among indicators
  chooseTitle(n: number, query: string): string;
  chooseQuestion: string;
  chooseMore(n: number): string;

  // Messages
  notUnderstoodTitle: string;
  notUnderstoodText(text: string): string;
  notUnderstoodExamples: string[];
  unknownObjectiveTitle(n: string): string;
  unknownObjectiveText(count: number): string;
  unknownIndicatorTitle(id: string): string;
  unknownIndicatorText: string;

  // Official outputs: the follow-up workbook's download link and reporting compliance
  exportTitle(quarter: number, year: number): string;
  exportText(asOfText: string, running: boolean): string;
  exportFactQuarter: string;
  exportFactCut: string;
  exportFactExpires: string;
  exportFactFile: string;
  exportButton: string;
  exportNote: string;
  exportOnlyAdmins: string;
  exportNotStarted(quarter: number, year: number): string;
  exportOutsidePlan(year: number, from: number, to: number): string;
  exportUnavailable: string;
  complianceTitle(year: number): string;
  complianceSubtitle(asOfText: string, months: number): string;
  complianceTotals(onTime: number, late: number, missing: number, open: number): string;
  complianceHeaderOwner: string;
  complianceHeaderOnTime: string;
  complianceHeaderLate: string;
  complianceHeaderMissing: string;
  complianceHeaderOpen: string;
  complianceIndicators(ids: string): string;
  complianceUnassigned: string;
  complianceNote: string;
  complianceNoMonths(year: number): string;
  /** A short answer to «hola» (not the whole help card). */
  helloText: string;
  /** A short answer to «gracias». */
  thanksText: string;
  outOfScopeTitle: string;
  outOfScopeText(topic: string): string;
  chooseObjectiveTitle: string;
  chooseObjectiveText(count: number): string;
}

const es: Strings = {
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
  tapIndicatorHint: 'Toca un indicador para ver su detalle y sus reportes.',
  weight: 'Peso',
  targetOfYear: (y) => `Meta ${y}`,
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
  anomaliesSummary: (n) => (n === 1 ? '⚠️ 1 alerta para revisar' : `⚠️ ${n} alertas para revisar`),

  planProgress: 'Avance del plan',
  reportedSummary: (r, n, y) => `${r} de ${n} indicadores con meta en ${y} tienen reporte.`,
  objectivesHeading: 'Objetivos estratégicos',
  tapObjectiveHint: 'Toca un objetivo para ver sus indicadores.',
  pendingShort: (n) => (n === 1 ? '⏳ 1 sin reporte' : `⏳ ${n} sin reporte`),

  laggingTitle: 'Lo que va rezagado',
  laggingIntro: (r, a, p) =>
    `${r} en rojo, ${a} en amarillo y ${p} ${p === 1 ? 'pendiente' : 'pendientes'} de reporte.`,
  groupRed: (n) => `🔴 En rojo (${n})`,
  groupAmber: (n) => `🟡 En amarillo (${n})`,
  groupPending: (n, y) => `⏳ Sin reporte en ${y} (${n})`,
  laggingDetail: (p, e) => `avance ${p} de ${e} esperado`,
  pendingDetail: (e) => `se esperaba ${e} a la fecha`,
  nothingLagging: (y) => `✅ Nada va rezagado: ningún indicador está en rojo ni en amarillo y todos los que tienen meta en ${y} ya reportaron.`,
  openObjectiveHeading: 'Abrir un objetivo',

  welcomeTitle: '¡Hola! Soy el bot del PEI',
  welcomeIntro: (o, i) =>
    o && i
      ? `Te ayudo a seguir el Plan Estratégico Institucional 2024-2027 de la Secretaría General de la Alcaldía Mayor de Bogotá: ${o} objetivos estratégicos y ${i} indicadores, con su avance, lo esperado a la fecha y su semáforo.`
      : 'Te ayudo a seguir el Plan Estratégico Institucional 2024-2027 de la Secretaría General de la Alcaldía Mayor de Bogotá: sus objetivos e indicadores, con su avance, lo esperado a la fecha y su semáforo.',
  examplesHeading: 'Puedes escribirme, por ejemplo:',
  tapExampleHint: 'Toca un ejemplo para preguntarlo.',
  examples: {
    objective: { text: '¿cómo va el objetivo 5?', hint: 'semáforo, avance e indicadores de un objetivo' },
    indicator: { text: 'indicador 4263', hint: 'programado, ejecutado y reportes de un indicador' },
    lagging: { text: '¿qué está en rojo?', hint: 'lo rezagado y lo pendiente de reporte' },
    plan: { text: 'plan', hint: 'los 10 objetivos de un vistazo' },
    search: { text: 'CSIRT', hint: 'buscar un indicador por palabras de su nombre' },
    report: { text: 'reportar avance', hint: 'reportar el avance del mes de tus indicadores' },
    mission: { text: 'misión', hint: 'la misión y la visión de la entidad' },
    compliance: { text: 'cumplimiento', hint: 'meses reportados a tiempo, tarde o sin reporte, por responsable' },
    exportFollowUp: { text: 'exportar seguimiento', hint: 'el libro de Excel del último trimestre (administradores)' },
    subscribe: { text: 'suscribir resumen semanal', hint: 'recibir cada lunes el resumen en este canal' },
  },
  ownersNote: 'Si eres responsable de un indicador, repórtame su avance cada mes (hasta el quinto día hábil del mes siguiente); te lo recordaré antes del plazo.',
  adminsNote: 'La Oficina Asesora de Planeación asigna responsables y puede suscribir un chat o canal al resumen semanal.',
  languageNote: 'También entiendo preguntas en inglés.',
  helpTitle: 'Qué puedo hacer',
  helpIntro: 'Pregúntame por el Plan Estratégico Institucional 2024-2027 con tus palabras. Toca un ejemplo para preguntarlo.',
  helpSectionAsk: 'Consultar',
  helpSectionReport: 'Reportar',
  helpSectionAdmin: 'Oficina Asesora de Planeación',

  mission: 'Misión',
  vision: 'Visión',
  missionAndVision: 'Misión y visión',
  officialTextNote: 'Texto de la plataforma estratégica de la Secretaría General.',
  legalBasis: (norms) => `Fundamento: ${norms}.`,
  article: (n) => `art. ${n}`,

  chooseTitle: (n, q) => `Encontré ${n} indicadores para «${q}»`,
  chooseQuestion: '¿Cuál quieres ver?',
  chooseMore: (n) => `Hay ${n} más: escribe más palabras para afinar la búsqueda.`,

  notUnderstoodTitle: 'No te entendí',
  notUnderstoodText: (t) => `No sé responder a «${t}». Prueba con una de estas preguntas:`,
  notUnderstoodExamples: ['¿cómo va el objetivo 5?', '¿qué está en rojo?', 'indicador 4263', 'ayuda'],
  unknownObjectiveTitle: (n) => `No existe el objetivo ${n}`,
  unknownObjectiveText: (c) => `El plan tiene ${c} objetivos estratégicos, numerados del 1 al ${c}. Elige uno:`,
  unknownIndicatorTitle: (id) => `No encontré el indicador «${id}»`,
  unknownIndicatorText:
    'Los indicadores se identifican por su código (por ejemplo 4263), por proyecto y meta (8116-M3) o como O10-1 y O10-2. También puedes escribir palabras de su nombre, como «CSIRT».',
  exportTitle: (q, y) => `Seguimiento del PEI: T${q} ${y}`,
  exportText: (d, running) =>
    running
      ? `El libro de Excel del seguimiento con corte al ${d} (el trimestre sigue en curso): indicadores, resumen ponderado y hallazgos del plan.`
      : `El libro de Excel del seguimiento con corte al ${d}: indicadores, resumen ponderado y hallazgos del plan.`,
  exportFactQuarter: 'Trimestre',
  exportFactCut: 'Corte',
  exportFactExpires: 'El enlace vence',
  exportFactFile: 'Archivo',
  exportButton: 'Descargar el libro (Excel)',
  exportNote: 'El enlace funciona sin iniciar sesión durante 15 minutos; no lo reenvíe. Después, pida otro con «exportar seguimiento».',
  exportOnlyAdmins: 'Solo la Oficina Asesora de Planeación (administradores del bot) puede exportar el seguimiento. Si necesita el libro, pídalo a la Oficina.',
  exportNotStarted: (q, y) => `El trimestre T${q} de ${y} aún no ha empezado: no hay seguimiento que exportar. Pruebe con «exportar seguimiento» (el último trimestre cerrado).`,
  exportOutsidePlan: (y, a, b) => `El plan cubre ${a}–${b}; no hay seguimiento de ${y}.`,
  exportUnavailable: 'Los enlaces de descarga no están configurados en este servidor.',
  complianceTitle: (y) => `Cumplimiento de reportes ${y}`,
  complianceSubtitle: (d, m) => `Meses cerrados al ${d}: ${m}. Plazo de cada mes: el quinto día hábil del mes siguiente (festivos de Colombia).`,
  complianceTotals: (a, t, s, p) => `En total: ${a} a tiempo, ${t} tarde, ${s} sin reporte y ${p} en plazo.`,
  complianceHeaderOwner: 'Responsable',
  complianceHeaderOnTime: 'A tiempo',
  complianceHeaderLate: 'Tarde',
  complianceHeaderMissing: 'Sin reporte',
  complianceHeaderOpen: 'En plazo',
  complianceIndicators: (ids) => `Indicadores: ${ids}`,
  complianceUnassigned: 'Sin responsable asignado',
  complianceNote: 'Cuenta los meses de los indicadores con meta en el año; un mes va «a tiempo» si su primera versión se guardó a más tardar en su plazo.',
  complianceNoMonths: (y) => `Aún no ha cerrado ningún mes de ${y}: no hay cumplimiento que medir.`,
  helloText: '¡Hola! 👋 Soy PEI Bot: te cuento cómo va el Plan Estratégico Institucional. Pregúntame, por ejemplo, «¿cómo va el objetivo 5?».',
  thanksText: '¡Con gusto! 🙂 Aquí estoy cuando necesites algo del plan.',
  outOfScopeTitle: 'Eso no lo sé responder',
  outOfScopeText: (t) =>
    `No tengo información sobre «${t}»: solo sigo el avance del Plan Estratégico Institucional (objetivos, indicadores, metas y sus reportes). Para eso, consulta al área encargada. Sobre el plan puedo responderte, por ejemplo:`,
  chooseObjectiveTitle: '¿Cuál objetivo?',
  chooseObjectiveText: (c) => `El plan tiene ${c} objetivos estratégicos. Toca uno para ver cómo va:`,
};

const en: Strings = {
  objective: (n, name) => `Objective ${n} · ${name}`,
  objectiveShort: (n) => `Objective ${n}`,
  indicator: (id) => `Indicator ${id}`,
  periodLine: (year, asOf) => (asOf ? `Year ${year} · as of ${asOf}` : `Year ${year}`),
  statusCaption: 'Status',
  annualProgress: 'Annual progress',
  expectedToDate: 'Expected to date',
  fourYearProgress: 'Four-year progress',
  quote: (t) => `“${t}”`,
  andMore: (n) => `and ${n} more`,

  btnSeeIndicator: (id) => `See indicator ${id}`,
  btnSeeObjective: (n) => `See objective ${n}`,
  btnReport: 'Report progress',
  btnWholePlan: 'See the whole plan',
  btnSeePlan: 'See the plan',
  btnLagging: "What's lagging",
  btnHelp: 'Help',
  btnView: 'View',

  indicatorsHeading: (n) => (n === 1 ? 'Indicator (1)' : `Indicators (${n})`),
  tapIndicatorHint: 'Tap an indicator to see its detail and reports.',
  weight: 'Weight',
  targetOfYear: (y) => `${y} target`,
  executed: 'Executed',
  expected: 'Expected',
  lastReport: 'Last report',
  noReports: 'No reports',
  owner: 'Owner',
  noOwner: 'No owner',
  pendingIndicator: (y) => `⏳ Pending: no report in ${y}`,
  unreviewedLine: (m) => `🔎 To review: ${m} (it counts while the planning office reviews it)`,
  reviewTag: '🔎 to review',
  btnReviewList: (n) => `Reports to review (${n})`,
  btnExplain: 'How is it calculated?',
  pendingSummary: (p, n, y) =>
    p === 0
      ? `Every indicator with a ${y} target has a report.`
      : `⏳ ${p} of ${n} ${n === 1 ? 'indicator' : 'indicators'} with a ${y} target ${p === 1 ? 'has' : 'have'} no report yet.`,
  noTargetThisYear: (y) => `No target in ${y}: not weighed this year`,

  trend: {
    suma: 'Sum: each report is what the month achieved',
    creciente: 'Increasing: each report is the cumulative level reached',
    constante: 'Constant: each report is the level reached',
    decreciente: 'Decreasing: each report is the level reached',
  },
  unit: { number: 'Number', percent: 'Percent' },
  factMeta: 'Goal',
  factTrend: 'Trend',
  factUnit: 'Unit',
  factWeight: (n) => `Weight in objective ${n}`,
  factBaseline: 'Baseline',
  baselineMissing: 'Not recorded (0 is used)',
  factFourYearTarget: '2024-2027 target',
  factOwner: 'Owner',
  factArea: 'Area',
  programHeading: 'Programmed and executed by year',
  colYear: 'Year',
  colProgrammed: 'Programmed',
  colExecuted: 'Executed',
  colProgress: 'Progress',
  fourYearRow: 'Four years',
  historyHeading: (n) => `Reports (${n})`,
  noHistory: 'This indicator has no reports yet.',
  reportValue: (v) => `reported value ${v}`,
  reportVersion: (v) => `version ${v} (corrected)`,
  reportedOn: (d) => `reported on ${d}`,
  logros: 'Achievements',
  dificultades: 'Difficulties and solutions',
  evidencia: 'Evidence',
  evidenceLink: 'See evidence',
  anomaly: {
    'level-drop': 'The level dropped from the previous report',
    'level-rise': 'The level rose on a decreasing indicator',
    'zero-without-explanation': 'Zero progress with no explanation under difficulties',
    'over-execution-without-justification': 'Over-achievement with no justification',
    'closed-period': 'Reported after the year was closed',
  },
  anomaliesSummary: (n) => (n === 1 ? '⚠️ 1 warning to review' : `⚠️ ${n} warnings to review`),

  planProgress: 'Plan progress',
  reportedSummary: (r, n, y) => `${r} of ${n} indicators with a ${y} target have a report.`,
  objectivesHeading: 'Strategic objectives',
  tapObjectiveHint: 'Tap an objective to see its indicators.',
  pendingShort: (n) => `⏳ ${n} not reported`,

  laggingTitle: 'What is lagging',
  laggingIntro: (r, a, p) => `${r} red, ${a} amber and ${p} without a report.`,
  groupRed: (n) => `🔴 Red (${n})`,
  groupAmber: (n) => `🟡 Amber (${n})`,
  groupPending: (n, y) => `⏳ No report in ${y} (${n})`,
  laggingDetail: (p, e) => `progress ${p} of ${e} expected`,
  pendingDetail: (e) => `${e} expected by now`,
  nothingLagging: (y) => `✅ Nothing is lagging: no indicator is red or amber, and every indicator with a ${y} target has reported.`,
  openObjectiveHeading: 'Open an objective',

  welcomeTitle: "Hi! I'm the PEI bot",
  welcomeIntro: (o, i) =>
    o && i
      ? `I help you follow the 2024-2027 Institutional Strategic Plan of the Secretaría General de la Alcaldía Mayor de Bogotá: ${o} strategic objectives and ${i} indicators, with their progress, what is expected to date and their status.`
      : 'I help you follow the 2024-2027 Institutional Strategic Plan of the Secretaría General de la Alcaldía Mayor de Bogotá: its objectives and indicators, with their progress, what is expected to date and their status.',
  examplesHeading: 'You can write to me, for example:',
  tapExampleHint: 'Tap an example to ask it.',
  examples: {
    objective: { text: 'how is objective 5 doing?', hint: 'status, progress and indicators of an objective' },
    indicator: { text: 'indicator 4263', hint: 'programmed, executed and reports of an indicator' },
    lagging: { text: 'what is red?', hint: 'what lags and what has not been reported' },
    plan: { text: 'plan', hint: 'the 10 objectives at a glance' },
    search: { text: 'CSIRT', hint: 'find an indicator by words of its name' },
    report: { text: 'report progress', hint: "report the month's progress of your indicators" },
    mission: { text: 'mission', hint: "the entity's mission and vision" },
    compliance: { text: 'reporting compliance', hint: 'months reported on time, late or missing, per owner' },
    exportFollowUp: { text: 'export follow-up', hint: "the last quarter's Excel workbook (admins)" },
    subscribe: { text: 'subscribe weekly digest', hint: 'get the summary in this channel every Monday' },
  },
  ownersNote: 'If you own an indicator, report its progress to me every month (by the fifth business day of the next month); I will remind you before the deadline.',
  adminsNote: 'The Planning Office assigns owners and can subscribe a chat or channel to the weekly digest.',
  languageNote: 'I answer in English when you write in English, and in Spanish otherwise.',
  helpTitle: 'What I can do',
  helpIntro: 'Ask me about the 2024-2027 Institutional Strategic Plan in your own words. Tap an example to ask it.',
  helpSectionAsk: 'Ask',
  helpSectionReport: 'Report',
  helpSectionAdmin: 'Planning Office',

  mission: 'Mission',
  vision: 'Vision',
  missionAndVision: 'Mission and vision',
  officialTextNote: 'Official text of the strategic platform, in Spanish.',
  legalBasis: (norms) => `Legal basis: ${norms}.`,
  article: (n) => `art. ${n}`,

  chooseTitle: (n, q) => `I found ${n} indicators for “${q}”`,
  chooseQuestion: 'Which one do you want to see?',
  chooseMore: (n) => `There are ${n} more: add words to narrow the search.`,

  notUnderstoodTitle: "I didn't understand",
  notUnderstoodText: (t) => `I can't answer “${t}”. Try one of these:`,
  notUnderstoodExamples: ['how is objective 5 doing?', 'what is red?', 'indicator 4263', 'help'],
  unknownObjectiveTitle: (n) => `There is no objective ${n}`,
  unknownObjectiveText: (c) => `The plan has ${c} strategic objectives, numbered 1 to ${c}. Pick one:`,
  unknownIndicatorTitle: (id) => `I couldn't find indicator “${id}”`,
  unknownIndicatorText:
    'Indicators go by their code (for example 4263), by project and goal (8116-M3), or as O10-1 and O10-2. You can also write words of their name, such as “CSIRT”.',
  exportTitle: (q, y) => `PEI follow-up: Q${q} ${y}`,
  exportText: (d, running) =>
    running
      ? `The follow-up Excel workbook as of ${d} (the quarter is still running): indicators, weighted summary and plan findings.`
      : `The follow-up Excel workbook as of ${d}: indicators, weighted summary and plan findings.`,
  exportFactQuarter: 'Quarter',
  exportFactCut: 'As of',
  exportFactExpires: 'Link expires',
  exportFactFile: 'File',
  exportButton: 'Download the workbook (Excel)',
  exportNote: 'The link works without signing in for 15 minutes; do not forward it. After that, ask for another with «export follow-up».',
  exportOnlyAdmins: 'Only the Planning Office (the bot\'s admins) can export the follow-up. If you need the workbook, ask the Office.',
  exportNotStarted: (q, y) => `Quarter Q${q} ${y} has not started yet: there is no follow-up to export. Try «export follow-up» (the last closed quarter).`,
  exportOutsidePlan: (y, a, b) => `The plan covers ${a}–${b}; there is no follow-up for ${y}.`,
  exportUnavailable: 'Download links are not configured on this server.',
  complianceTitle: (y) => `Reporting compliance ${y}`,
  complianceSubtitle: (d, m) => `Months closed as of ${d}: ${m}. Each month is due on the fifth business day of the next month (Colombian holidays).`,
  complianceTotals: (a, t, s, p) => `In all: ${a} on time, ${t} late, ${s} missing and ${p} not yet due.`,
  complianceHeaderOwner: 'Owner',
  complianceHeaderOnTime: 'On time',
  complianceHeaderLate: 'Late',
  complianceHeaderMissing: 'Missing',
  complianceHeaderOpen: 'Not due',
  complianceIndicators: (ids) => `Indicators: ${ids}`,
  complianceUnassigned: 'No owner assigned',
  complianceNote: 'Counts the months of the indicators with a target in the year; a month is «on time» when its first version was stored by its deadline.',
  complianceNoMonths: (y) => `No month of ${y} has closed yet: there is no compliance to measure.`,
  helloText: "Hi! 👋 I'm PEI Bot: I tell you how the Institutional Strategic Plan is doing. Ask me, for example, “how is objective 5 doing?”.",
  thanksText: "You're welcome! 🙂 I'm here whenever you need something about the plan.",
  outOfScopeTitle: "That's not something I can answer",
  outOfScopeText: (t) =>
    `I have no information about “${t}”: I only follow the progress of the Institutional Strategic Plan (objectives, indicators, targets and their reports). Please ask the office in charge. About the plan I can answer, for example:`,
  chooseObjectiveTitle: 'Which objective?',
  chooseObjectiveText: (c) => `The plan has ${c} strategic objectives. Tap one to see how it is doing:`,
};

export const STRINGS: Readonly<Record<Lang, Strings>> = Object.freeze({ es, en });

/** The strings of a language; anything but 'en' gets Spanish. */
export function strings(lang: Lang): Strings {
  return lang === 'en' ? en : es;
}

// --- «¿Cómo se calcula?»: the explanation of a figure (views/explain-cards.ts) ---------------------

export interface ExplainStrings {
  titleObjective(n: number): string;
  titleIndicator(id: string): string;
  titlePlan: string;
  subtitle(year: number, asOf: string, m: number): string;
  summaryObjective(n: number, value: string | null): string;
  summaryIndicator(id: string, value: string | null): string;
  summaryPlan(value: string | null): string;
  noData: string;
  ruleObjective(year: number): string;
  rulePlan(year: number): string;
  colIndicator: string;
  colWeight: string;
  colProgress: string;
  colContribution: string;
  colObjective: string;
  colExpected: string;
  noTarget(year: number): string;
  doesNotWeigh: string;
  pendingCountsZero: string;
  sumRow: string;
  renormalised(total: string, year: number): string;
  expectedObjective(value: string): string;
  statusLine(progress: string, expected: string, ratio: string, status: string): string;
  bands: string;
  reportsHeading: string;
  noReportsUsed: string;
  reportLine(period: string, version: number, value: string, state: string): string;
  reviewStates: Record<'pendiente' | 'aprobado' | 'devuelto', string>;
  trendRule: Record<Trend, (year: number) => string>;
  executedSum(year: number, parts: string, total: string): string;
  executedLast(year: number, value: string, period: string): string;
  executedNone(year: number): string;
  targetLine(year: number, target: string, baseline: string): string;
  annualFormula: Record<Trend, string>;
  annualLine(formula: string, filled: string, result: string): string;
  noTargetIndicator(year: number): string;
  expectedHeading: string;
  expectedLevelSuma(target: string, m: number, level: string): string;
  expectedLevelOther(prev: string, target: string, m: number, level: string, year: number): string;
  expectedProgress(filled: string, result: string): string;
  fourYear(formula: string, filled: string, result: string): string;
  fourYearFormula: Record<Trend, string>;
  inObjective(n: number, weight: string, capped: string, contribution: string): string;
  btnSeeObjective(n: number): string;
  btnSeeIndicator(id: string): string;
  btnPlan: string;
  btnExplainIndicator(id: string): string;
  btnExplainObjective(n: number): string;
}

const explainEs: ExplainStrings = {
  titleObjective: (n) => `¿Cómo se calcula? · Objetivo ${n}`,
  titleIndicator: (id) => `¿Cómo se calcula? · Indicador ${id}`,
  titlePlan: '¿Cómo se calcula? · Todo el plan',
  subtitle: (y, d, m) => `Vigencia ${y} · corte ${d} (${m === 1 ? '1 mes cerrado' : `${m} meses cerrados`})`,
  summaryObjective: (n, v) => (v === null ? `El objetivo ${n} aún no tiene avance: ninguno de sus indicadores ha reportado en el año.` : `El objetivo ${n} va en ${v}: la suma de los aportes de sus indicadores.`),
  summaryIndicator: (id, v) => (v === null ? `El indicador ${id} aún no tiene avance en el año.` : `El indicador ${id} va en ${v} en el año.`),
  summaryPlan: (v) => (v === null ? 'El plan aún no tiene avance: nada reportado en el año.' : `El plan va en ${v}: el promedio de sus objetivos.`),
  noData: 'sin datos (nada reportado aún)',
  ruleObjective: (y) => `Avance = Σ peso × mín(avance del indicador; 100 %) ÷ Σ pesos de los indicadores con meta en ${y}. Un indicador sin reporte cuenta 0.`,
  rulePlan: (y) => `Avance del plan = promedio de los objetivos con meta en ${y} (cada uno con tope de 100 %); todos los objetivos pesan igual.`,
  colIndicator: 'Indicador',
  colWeight: 'Peso (usado)',
  colProgress: 'Avance (tope)',
  colContribution: 'Aporte',
  colObjective: 'Objetivo',
  colExpected: 'Esperado',
  noTarget: (y) => `sin meta en ${y}`,
  doesNotWeigh: 'no pesa',
  pendingCountsZero: 'sin reporte: 0',
  sumRow: 'Suma',
  renormalised: (t, y) => `Pesos renormalizados: solo pesan los indicadores con meta en ${y}; sus pesos suman ${t}, y cada peso se divide por ${t}.`,
  expectedObjective: (v) => `Esperado a la fecha: ${v} (Σ peso usado × mín(esperado del indicador; 100 %)).`,
  statusLine: (p, e, r, s) => `Semáforo: avance ÷ esperado = ${p} ÷ ${e} = ${r} → ${s}.`,
  bands: 'Bandas: rojo < 0,50 · amarillo < 0,75 · verde ≤ 1,25 · por encima, sobre-ejecución.',
  reportsHeading: 'Reportes usados (la versión que cuenta de cada mes)',
  noReportsUsed: 'Ningún reporte cuenta todavía.',
  reportLine: (p, v, val, st) => `${p} · v${v} · ${val} · ${st}`,
  reviewStates: { pendiente: '🔎 por revisar', aprobado: '✅ aprobado', devuelto: '↩️ devuelto' },
  trendRule: {
    suma: (y) => `Tendencia Suma: cada reporte es lo logrado en su mes; V_${y} es la suma de los reportes del año.`,
    creciente: (y) => `Tendencia Creciente: cada reporte es el nivel alcanzado; V_${y} es el último reporte del año.`,
    constante: (y) => `Tendencia Constante: cada reporte es el nivel alcanzado; V_${y} es el último reporte del año.`,
    decreciente: (y) => `Tendencia Decreciente: cada reporte es el nivel alcanzado; V_${y} es el último reporte del año.`,
  },
  executedSum: (y, parts, t) => `V_${y} = ${parts} = ${t}`,
  executedLast: (y, v, p) => `V_${y} = ${v} (reporte de ${p})`,
  executedNone: (y) => `V_${y}: sin reportes en ${y}; en el objetivo cuenta 0 (pendiente).`,
  targetLine: (y, t, lb) => `M_${y} (meta del año) = ${t} · LB (línea base) = ${lb}`,
  annualFormula: { suma: 'V ÷ M', creciente: '(V − LB) ÷ (M − LB)', constante: 'V ÷ M', decreciente: '(LB − V) ÷ (LB − M)' },
  annualLine: (f, filled, r) => `Avance anual = ${f} = ${filled} = ${r}`,
  noTargetIndicator: (y) => `Sin meta en ${y}: no tiene avance anual y no pesa en su objetivo este año.`,
  expectedHeading: 'Esperado a la fecha',
  expectedLevelSuma: (t, m, l) => `Nivel esperado = M × m ÷ 12 = ${t} × ${m} ÷ 12 = ${l}`,
  expectedLevelOther: (prev, t, m, l, y) => `Nivel esperado = M_${y - 1} + (M_${y} − M_${y - 1}) × m ÷ 12 = ${prev} + (${t} − ${prev}) × ${m} ÷ 12 = ${l}`,
  expectedProgress: (filled, r) => `Avance esperado = la misma fórmula con el nivel esperado = ${filled} = ${r}`,
  fourYear: (f, filled, r) => `Avance del cuatrienio = ${f} = ${filled} = ${r}`,
  fourYearFormula: { suma: 'Σ reportes ÷ MF', creciente: '(AV − LB) ÷ (MF − LB)', constante: 'AV ÷ MF', decreciente: '(LB − AV) ÷ (LB − MF)' },
  inObjective: (n, w, c, a) => `En el objetivo ${n}: peso usado ${w} × ${c} = aporte ${a}.`,
  btnSeeObjective: (n) => `Ver objetivo ${n}`,
  btnSeeIndicator: (id) => `Ver indicador ${id}`,
  btnPlan: 'Ver todo el plan',
  btnExplainIndicator: (id) => `¿Cómo se calcula el ${id}?`,
  btnExplainObjective: (n) => `¿Cómo se calcula el objetivo ${n}?`,
};

const explainEn: ExplainStrings = {
  titleObjective: (n) => `How is it calculated? · Objective ${n}`,
  titleIndicator: (id) => `How is it calculated? · Indicator ${id}`,
  titlePlan: 'How is it calculated? · The whole plan',
  subtitle: (y, d, m) => `Year ${y} · as of ${d} (${m === 1 ? '1 month closed' : `${m} months closed`})`,
  summaryObjective: (n, v) => (v === null ? `Objective ${n} has no progress yet: none of its indicators reported this year.` : `Objective ${n} is at ${v}: the sum of its indicators' contributions.`),
  summaryIndicator: (id, v) => (v === null ? `Indicator ${id} has no progress for the year yet.` : `Indicator ${id} is at ${v} for the year.`),
  summaryPlan: (v) => (v === null ? 'The plan has no progress yet: nothing reported this year.' : `The plan is at ${v}: the mean of its objectives.`),
  noData: 'no data (nothing reported yet)',
  ruleObjective: (y) => `Progress = Σ weight × min(indicator progress, 100%) ÷ Σ weights of the indicators with a ${y} target. An indicator without a report counts 0.`,
  rulePlan: (y) => `Plan progress = mean of the objectives with a ${y} target (each capped at 100%); every objective weighs the same.`,
  colIndicator: 'Indicator',
  colWeight: 'Weight (used)',
  colProgress: 'Progress (cap)',
  colContribution: 'Contribution',
  colObjective: 'Objective',
  colExpected: 'Expected',
  noTarget: (y) => `no ${y} target`,
  doesNotWeigh: 'no weight',
  pendingCountsZero: 'no report: 0',
  sumRow: 'Sum',
  renormalised: (t, y) => `Weights renormalised: only the indicators with a ${y} target weigh; their weights add to ${t}, and each weight is divided by ${t}.`,
  expectedObjective: (v) => `Expected to date: ${v} (Σ weight used × min(indicator expected, 100%)).`,
  statusLine: (p, e, r, s) => `Status: progress ÷ expected = ${p} ÷ ${e} = ${r} → ${s}.`,
  bands: 'Bands: red < 0.50 · yellow < 0.75 · green ≤ 1.25 · above, over-achievement.',
  reportsHeading: 'Reports used (the counting version of each month)',
  noReportsUsed: 'No report counts yet.',
  reportLine: (p, v, val, st) => `${p} · v${v} · ${val} · ${st}`,
  reviewStates: { pendiente: '🔎 to review', aprobado: '✅ approved', devuelto: '↩️ returned' },
  trendRule: {
    suma: (y) => `Trend Sum: each report is what its month added; V_${y} is the sum of the year's reports.`,
    creciente: (y) => `Trend Increasing: each report is the level reached; V_${y} is the year's latest report.`,
    constante: (y) => `Trend Constant: each report is the level reached; V_${y} is the year's latest report.`,
    decreciente: (y) => `Trend Decreasing: each report is the level reached; V_${y} is the year's latest report.`,
  },
  executedSum: (y, parts, t) => `V_${y} = ${parts} = ${t}`,
  executedLast: (y, v, p) => `V_${y} = ${v} (report for ${p})`,
  executedNone: (y) => `V_${y}: no reports in ${y}; it counts 0 in its objective (pending).`,
  targetLine: (y, t, lb) => `M_${y} (year target) = ${t} · LB (baseline) = ${lb}`,
  annualFormula: { suma: 'V ÷ M', creciente: '(V − LB) ÷ (M − LB)', constante: 'V ÷ M', decreciente: '(LB − V) ÷ (LB − M)' },
  annualLine: (f, filled, r) => `Annual progress = ${f} = ${filled} = ${r}`,
  noTargetIndicator: (y) => `No ${y} target: no annual progress, and it does not weigh in its objective this year.`,
  expectedHeading: 'Expected to date',
  expectedLevelSuma: (t, m, l) => `Expected level = M × m ÷ 12 = ${t} × ${m} ÷ 12 = ${l}`,
  expectedLevelOther: (prev, t, m, l, y) => `Expected level = M_${y - 1} + (M_${y} − M_${y - 1}) × m ÷ 12 = ${prev} + (${t} − ${prev}) × ${m} ÷ 12 = ${l}`,
  expectedProgress: (filled, r) => `Expected progress = the same formula with the expected level = ${filled} = ${r}`,
  fourYear: (f, filled, r) => `Four-year progress = ${f} = ${filled} = ${r}`,
  fourYearFormula: { suma: 'Σ reports ÷ MF', creciente: '(AV − LB) ÷ (MF − LB)', constante: 'AV ÷ MF', decreciente: '(LB − AV) ÷ (LB − MF)' },
  inObjective: (n, w, c, a) => `In objective ${n}: weight used ${w} × ${c} = contribution ${a}.`,
  btnSeeObjective: (n) => `See objective ${n}`,
  btnSeeIndicator: (id) => `See indicator ${id}`,
  btnPlan: 'See the whole plan',
  btnExplainIndicator: (id) => `How is ${id} calculated?`,
  btnExplainObjective: (n) => `How is objective ${n} calculated?`,
};

/** The explanation's strings of a language; anything but 'en' gets Spanish. */
export function explainStrings(lang: Lang): ExplainStrings {
  return lang === 'en' ? explainEn : explainEs;
}
