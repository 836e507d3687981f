import type { ExplainStrings } from '../types/explain';

export const explain: ExplainStrings = {
  titleObjective: (n) => `¿Cómo se calcula? · Objetivo ${n}`,
  titleIndicator: (id) => `¿Cómo se calcula? · Indicador ${id}`,
  titlePlan: '¿Cómo se calcula? · Todo el plan',
  subtitle: (y, d, m) => `Vigencia ${y} · corte ${d} (${m === 1 ? '1 mes cerrado' : `${m} meses cerrados`})`,
  summaryObjective: (n, v) =>
    v === null
      ? `El objetivo ${n} aún no tiene avance: ninguno de sus indicadores ha reportado en el año.`
      : `El objetivo ${n} va en ${v}: la suma de los aportes de sus indicadores.`,
  summaryIndicator: (id, v) =>
    v === null ? `El indicador ${id} aún no tiene avance en el año.` : `El indicador ${id} va en ${v} en el año.`,
  summaryPlan: (v) =>
    v === null
      ? 'El plan aún no tiene avance: nada reportado en el año.'
      : `El plan va en ${v}: el promedio de sus objetivos.`,
  noData: 'sin datos (nada reportado aún)',
  ruleObjective: (y) =>
    `Avance = Σ peso × mín(avance del indicador; 100 %) ÷ Σ pesos de los indicadores con meta en ${y}. Un indicador sin reporte cuenta 0.`,
  rulePlan: (y) =>
    `Avance del plan = promedio de los objetivos con meta en ${y} (cada uno con tope de 100 %); todos los objetivos pesan igual.`,
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
  renormalised: (t, y) =>
    `Pesos renormalizados: solo pesan los indicadores con meta en ${y}; sus pesos suman ${t}, y cada peso se divide por ${t}.`,
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
    decreciente: (y) =>
      `Tendencia Decreciente: cada reporte es el nivel alcanzado; V_${y} es el último reporte del año.`,
  },
  executedSum: (y, parts, t) => `V_${y} = ${parts} = ${t}`,
  executedLast: (y, v, p) => `V_${y} = ${v} (reporte de ${p})`,
  executedNone: (y) => `V_${y}: sin reportes en ${y}; en el objetivo cuenta 0 (pendiente).`,
  targetLine: (y, t, lb) => `M_${y} (meta del año) = ${t} · LB (línea base) = ${lb}`,
  annualFormula: {
    suma: 'V ÷ M',
    creciente: '(V − LB) ÷ (M − LB)',
    constante: 'V ÷ M',
    decreciente: '(LB − V) ÷ (LB − M)',
  },
  annualLine: (f, filled, r) => `Avance anual = ${f} = ${filled} = ${r}`,
  noTargetIndicator: (y) => `Sin meta en ${y}: no tiene avance anual y no pesa en su objetivo este año.`,
  expectedHeading: 'Esperado a la fecha',
  expectedLevelSuma: (t, m, l) => `Nivel esperado = M × m ÷ 12 = ${t} × ${m} ÷ 12 = ${l}`,
  expectedLevelOther: (prev, t, m, l, y) =>
    `Nivel esperado = M_${y - 1} + (M_${y} − M_${y - 1}) × m ÷ 12 = ${prev} + (${t} − ${prev}) × ${m} ÷ 12 = ${l}`,
  expectedProgress: (filled, r) => `Avance esperado = la misma fórmula con el nivel esperado = ${filled} = ${r}`,
  fourYear: (f, filled, r) => `Avance del cuatrienio = ${f} = ${filled} = ${r}`,
  fourYearFormula: {
    suma: 'Σ reportes ÷ MF',
    creciente: '(AV − LB) ÷ (MF − LB)',
    constante: 'AV ÷ MF',
    decreciente: '(LB − AV) ÷ (LB − MF)',
  },
  inObjective: (n, w, c, a) => `En el objetivo ${n}: peso usado ${w} × ${c} = aporte ${a}.`,
  versionLine: (version, effective, reason) =>
    `Se usa la versión ${version} del plan, vigente desde el ${effective}${reason ? ` (${reason})` : ''}.`,
  reprogrammedLine: (year, before, now) => `Meta ${year} reprogramada: antes ${before}, ahora ${now}.`,
  btnSeeObjective: (n) => `Ver objetivo ${n}`,
  btnSeeIndicator: (id) => `Ver indicador ${id}`,
  btnPlan: 'Ver todo el plan',
  btnExplainIndicator: (id) => `¿Cómo se calcula el ${id}?`,
  btnExplainObjective: (n) => `¿Cómo se calcula el objetivo ${n}?`,
};
