import type { ExplainStrings } from '../types/explain';

export const explain: ExplainStrings = {
  titleObjective: (n) => `How is it calculated? · Objective ${n}`,
  titleIndicator: (id) => `How is it calculated? · Indicator ${id}`,
  titlePlan: 'How is it calculated? · The whole plan',
  subtitle: (y, d, m) => `Year ${y} · as of ${d} (${m === 1 ? '1 month closed' : `${m} months closed`})`,
  summaryObjective: (n, v) =>
    v === null
      ? `Objective ${n} has no progress yet: none of its indicators reported this year.`
      : `Objective ${n} is at ${v}: the sum of its indicators' contributions.`,
  summaryIndicator: (id, v) =>
    v === null ? `Indicator ${id} has no progress for the year yet.` : `Indicator ${id} is at ${v} for the year.`,
  summaryPlan: (v) =>
    v === null
      ? 'The plan has no progress yet: nothing reported this year.'
      : `The plan is at ${v}: the mean of its objectives.`,
  noData: 'no data (nothing reported yet)',
  ruleObjective: (y) =>
    `Progress = Σ weight × min(indicator progress, 100%) ÷ Σ weights of the indicators with a ${y} target. An indicator without a report counts 0.`,
  rulePlan: (y) =>
    `Plan progress = mean of the objectives with a ${y} target (each capped at 100%); every objective weighs the same.`,
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
  renormalised: (t, y) =>
    `Weights renormalised: only the indicators with a ${y} target weigh; their weights add to ${t}, and each weight is divided by ${t}.`,
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
  annualFormula: {
    suma: 'V ÷ M',
    creciente: '(V − LB) ÷ (M − LB)',
    constante: 'V ÷ M',
    decreciente: '(LB − V) ÷ (LB − M)',
  },
  annualLine: (f, filled, r) => `Annual progress = ${f} = ${filled} = ${r}`,
  noTargetIndicator: (y) => `No ${y} target: no annual progress, and it does not weigh in its objective this year.`,
  expectedHeading: 'Expected to date',
  expectedLevelSuma: (t, m, l) => `Expected level = M × m ÷ 12 = ${t} × ${m} ÷ 12 = ${l}`,
  expectedLevelOther: (prev, t, m, l, y) =>
    `Expected level = M_${y - 1} + (M_${y} − M_${y - 1}) × m ÷ 12 = ${prev} + (${t} − ${prev}) × ${m} ÷ 12 = ${l}`,
  expectedProgress: (filled, r) => `Expected progress = the same formula with the expected level = ${filled} = ${r}`,
  fourYear: (f, filled, r) => `Four-year progress = ${f} = ${filled} = ${r}`,
  fourYearFormula: {
    suma: 'Σ reports ÷ MF',
    creciente: '(AV − LB) ÷ (MF − LB)',
    constante: 'AV ÷ MF',
    decreciente: '(LB − AV) ÷ (LB − MF)',
  },
  inObjective: (n, w, c, a) => `In objective ${n}: weight used ${w} × ${c} = contribution ${a}.`,
  versionLine: (version, effective, reason) =>
    `Uses version ${version} of the plan, in force since ${effective}${reason ? ` (${reason})` : ''}.`,
  reprogrammedLine: (year, before, now) => `${year} target reprogrammed: was ${before}, now ${now}.`,
  btnSeeObjective: (n) => `See objective ${n}`,
  btnSeeIndicator: (id) => `See indicator ${id}`,
  btnPlan: 'See the whole plan',
  btnExplainIndicator: (id) => `How is ${id} calculated?`,
  btnExplainObjective: (n) => `How is objective ${n} calculated?`,
};
