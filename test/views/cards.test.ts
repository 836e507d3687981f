import { expectedLevelOf } from '../../src/progress/engine';
import { helpCard, missionVisionCard, welcomeCard } from '../../src/views/help-cards';
import { indicatorDetailCard } from '../../src/views/indicator-cards';
import {
  chooseIndicatorCard,
  messageCard,
  notUnderstoodCard,
  unknownIndicatorCard,
  unknownObjectiveCard,
} from '../../src/views/message-cards';
import type { CardJson } from '../../src/views/render';
import { laggingCard, objectiveStatusCard, planSummaryCard } from '../../src/views/status-cards';
import { formatPercent } from '../../src/views/format';
import { ANA, barFilled, ctxOf, figures, findAll, rep, submits, textOf, thePlan } from './helpers';
import { byYear, indicatorOf, richReports, type Scenario } from './scenario';

/** The tappable row of the card that opens an indicator (or an objective). */
function rowFor(card: CardJson, data: Record<string, unknown>): Record<string, unknown> {
  const rows = findAll(card, (o) => {
    const sa = o.selectAction as { data?: unknown } | undefined;
    return !!sa && JSON.stringify(sa.data) === JSON.stringify(data);
  });
  expect(rows).toHaveLength(1);
  return rows[0];
}

const topActions = (card: CardJson) => (card.actions as { title: string; data: Record<string, unknown> }[]) ?? [];

describe('objective status card', () => {
  // 4263 is creciente with 0.4 programmed for 2025: a level of 0.3 in June is 75 % of the year, and 62.5 % is expected.
  const reports = [rep('4263', '2025-06', 0.3)];
  const p = figures(reports, '2025-06-30');
  const o5 = p.objectives[4];

  test('Spanish: the figures of 4263, its semáforo and its owner', () => {
    const card = objectiveStatusCard(o5, ctxOf('es'));
    const row = textOf(rowFor(card, { verb: 'show-indicator', indicatorId: '4263' }));
    expect(row).toContain('75,0\u00a0%');
    expect(row).toContain('Esperado: 62,5\u00a0%');
    expect(row).toContain('Verde');
    expect(row).toContain('🟢');
    expect(row).toContain('Ana Pérez');
    expect(row).toContain('Meta 2025: 0,4');
    expect(row).toContain('Ejecutado: 0,3');
    expect(row).toContain('Peso 50\u00a0%');
    expect(row).toContain('jun. 2025');
    expect(row).not.toContain('Pendiente');
  });

  test('English: the same figures, the English way', () => {
    const card = objectiveStatusCard(o5, ctxOf('en'));
    const row = textOf(rowFor(card, { verb: 'show-indicator', indicatorId: '4263' }));
    expect(row).toContain('75.0%');
    expect(row).toContain('Expected: 62.5%');
    expect(row).toContain('Green');
    expect(row).toContain('Ana Pérez');
    expect(row).toContain('2025 target: 0.4');
    expect(row).toContain('Jun 2025');
    const all = textOf(card);
    expect(all).toContain('Objective 5 · Relacionamiento con la ciudadanía');
    expect(all).toContain('Year 2025 · as of June 30, 2025');
    expect(all).not.toMatch(/Avance|Esperado|Vigencia/);
  });

  test('header: title, full name, vigencia and corte, semáforo and the three figures as the engine computed them', () => {
    const card = objectiveStatusCard(o5, ctxOf('es'));
    const all = textOf(card);
    expect(all).toContain('Objetivo 5 · Relacionamiento con la ciudadanía');
    expect(all).toContain(o5.objective.name);
    expect(all).toContain('Vigencia 2025 · corte 30 de junio de 2025');
    // 0.5 × 0.75 = 37.5 % of the year; expected 0.5 × 0.625 + 0.25 × 2/3 + 0.25 × 1 = 72.9 %: amarillo.
    expect(o5.status).toBe('amarillo');
    expect(all).toContain('🟡 Amarillo');
    for (const [label, value] of [
      ['Avance anual', o5.progress],
      ['Esperado a la fecha', o5.expected],
      ['Avance cuatrienio', o5.cumulative],
    ] as const) {
      const bar = findAll(card, (x) => x.type === 'ColumnSet' && textOf(x).startsWith(`${label}\n`));
      expect(bar).toHaveLength(1);
      expect(textOf(bar[0])).toContain(formatPercent(value, 'es'));
    }
    expect(all).toContain('37,5\u00a0%');
    expect(all).toContain('72,9\u00a0%');
  });

  test('one row per indicator; the pending ones are marked; owners fall back to the area, then to "Sin responsable"', () => {
    const card = objectiveStatusCard(o5, ctxOf('es'));
    for (const id of ['4263', '4267', '8129-M4']) rowFor(card, { verb: 'show-indicator', indicatorId: id });
    expect(textOf(rowFor(card, { verb: 'show-indicator', indicatorId: '4267' }))).toContain(
      '⏳ Pendiente: sin reporte en 2025',
    );
    expect(textOf(rowFor(card, { verb: 'show-indicator', indicatorId: '4267' }))).toContain('Sin responsable');
    expect(textOf(rowFor(card, { verb: 'show-indicator', indicatorId: '4267' }))).toContain('Sin reportes');
    expect(textOf(card)).toContain('2 de 3 indicadores con meta en 2025 están pendientes de reporte');
    const o2 = objectiveStatusCard(p.objectives[1], ctxOf('es'));
    expect(textOf(rowFor(o2, { verb: 'show-indicator', indicatorId: '8110-M3' }))).toContain(
      'Responsable: Subsecretaría Corporativa',
    );
  });

  test('the bar of a row: drawn to scale (75 % of its pixels filled)', () => {
    const card = objectiveStatusCard(o5, ctxOf('es'));
    const row = rowFor(card, { verb: 'show-indicator', indicatorId: '4263' });
    const bars = findAll(row, (x) => x.type === 'Image' && String(x.url).startsWith('data:image/png'));
    expect(bars).toHaveLength(1);
    expect(barFilled(bars[0].url)).toBeCloseTo(0.75, 3);
    expect(bars[0].altText).toBe('75,0\u00a0%');
  });

  test('over-execution: the bar stops at 100 %, the number does not', () => {
    const q = figures([rep('O10-1', '2025-05', 0.99, { dificultades: 'Demanda mayor.' })], '2025-06-30');
    const card = objectiveStatusCard(q.objectives[9], ctxOf('es'));
    const row = rowFor(card, { verb: 'show-indicator', indicatorId: 'O10-1' });
    expect(textOf(row)).toContain('104,2\u00a0%');
    expect(textOf(row)).toContain('Meta 2025: 95\u00a0%');
    expect(textOf(row)).toContain('Ejecutado: 99\u00a0%');
    const bars = findAll(row, (x) => x.type === 'Image' && String(x.url).startsWith('data:image/png'));
    expect(bars.map((b) => barFilled(b.url))).toEqual([1]);
  });

  test('a year without a target says so (8110-M3 in 2024)', () => {
    const q = figures([], '2024-12-31');
    const card = objectiveStatusCard(q.objectives[1], ctxOf('es', { asOf: '2024-12-31' }));
    const row = textOf(rowFor(card, { verb: 'show-indicator', indicatorId: '8110-M3' }));
    expect(row).toContain('Sin meta en 2024: no pondera este año');
    expect(row).toContain('⚪');
    expect(row).not.toContain('Pendiente');
  });

  test('buttons: report (when allowed), how it is calculated, the whole plan, what lags; at most 6', () => {
    const card = objectiveStatusCard(o5, ctxOf('es'));
    expect(topActions(card).map((a) => a.title)).toEqual([
      'Reportar avance',
      '¿Cómo se calcula?',
      'Ver todo el plan',
      'Qué está en rojo',
    ]);
    expect(topActions(card).map((a) => a.data)).toEqual([
      { verb: 'report-start' },
      { verb: 'explain', objective: 5, year: 2025 },
      { verb: 'show-plan' },
      { verb: 'show-lagging' },
    ]);
    const reader = objectiveStatusCard(o5, ctxOf('es', { canReport: false }));
    expect(topActions(reader).map((a) => a.data.verb)).toEqual(['explain', 'show-plan', 'show-lagging']);
    // Admins get «Reportes por revisar (n)» while something waits.
    const admin = objectiveStatusCard(o5, ctxOf('es', { reviewCount: 3 }));
    expect(topActions(admin).map((a) => a.title)).toContain('Reportes por revisar (3)');
    const o7 = objectiveStatusCard(p.objectives[6], ctxOf('es'));
    expect(topActions(o7).length).toBeLessThanOrEqual(6);
    expect(submits(o7).filter((s) => s.data.verb === 'show-indicator')).toHaveLength(4);
  });

  test('without a corte in the context the card shows the vigencia only', () => {
    const card = objectiveStatusCard(o5, ctxOf('es', { asOf: undefined }));
    expect(textOf(card)).toContain('Vigencia 2025');
    expect(textOf(card)).not.toContain('corte');
  });
});

describe('indicator detail card', () => {
  const s: Scenario = { name: 'rich', reports: richReports(), asOf: '2025-06-30' };
  const p = figures(s.reports, s.asOf);

  test('program vs executed per year, the semáforo, the facts', () => {
    const f = indicatorOf(p, '4263');
    const card = indicatorDetailCard(f, byYear(s, '4263'), ctxOf('es'));
    const all = textOf(card);
    expect(all).toContain('Indicador 4263');
    expect(all).toContain('Portal web de trámites y servicios del Distrito Capital creado');
    expect(all).toContain('Objetivo 5 · Relacionamiento con la ciudadanía');
    expect(all).toContain('Vigencia 2025 · corte 30 de junio de 2025');
    expect(all).toContain('🟢 Verde');
    expect(all).toContain('Meta Sectorial 2339');
    expect(all).toContain('Creciente');
    expect(all).toContain('Ana Pérez');
    const years = findAll(card, (x) => x.type === 'ColumnSet' && /^(2024|2025|2026|2027|Cuatrienio)\n/.test(textOf(x)));
    expect(years.map((y) => textOf(y).split('\n'))).toEqual([
      ['2024', '0,1', '—', '—'],
      ['2025', '0,4', '0,3', '🟢 75,0\u00a0%'],
      ['2026', '0,75', '—', '—'],
      ['2027', '1', '—', '—'],
      ['Cuatrienio', '1', '0,3', '30,0\u00a0%'],
    ]);
  });

  test('the history: latest first, texts, evidence as a link, author and the correction', () => {
    const f = indicatorOf(p, '4263');
    const all = textOf(indicatorDetailCard(f, byYear(s, '4263'), ctxOf('es')));
    expect(all).toContain('Reportes (1)');
    expect(all).toContain('**jun. 2025** · valor reportado 0,3');
    expect(all).toContain('Ana Pérez · reportado el 3 de julio de 2025 · versión 2 (corregido)');
    expect(all).toContain('**Logros:** Se publicó la versión beta del portal de trámites.');
    expect(all).toContain('**Dificultades y soluciones:** Retraso en la integración');
    expect(all).toContain('[Ver evidencia](https://intranet.example/evidencia/portal) (beta)');
    expect(all).not.toContain('valor reportado 0,2'); // the superseded version
  });

  test('a long history shows 12 reports, latest first, and "y N más"', () => {
    const f = indicatorOf(p, '8118-M3');
    const card = indicatorDetailCard(f, byYear(s, '8118-M3'), ctxOf('es'));
    const headings = findAll(
      card,
      (x) => x.type === 'TextBlock' && typeof x.text === 'string' && /^\*\*\w+\. \d{4}\*\*/.test(x.text as string),
    );
    expect(headings).toHaveLength(12);
    expect(headings[0].text).toBe('**jun. 2025** · valor reportado 1.500,5');
    expect(headings[11].text).toBe('**jul. 2024** · valor reportado 1.500,5');
    expect(textOf(card)).toContain('Reportes (14)');
    expect(textOf(card)).toContain('y 2 más');
    expect(textOf(card)).toContain('100.000'); // the four-year target
    expect(JSON.stringify(card).length).toBeLessThan(80_000);
  });

  test('anomalies are flagged on their report', () => {
    const all4267 = textOf(indicatorDetailCard(indicatorOf(p, '4267'), byYear(s, '4267'), ctxOf('es')));
    expect(all4267).toContain('⚠️ El nivel bajó frente al reporte anterior');
    // December 2024 (0.7 of 0.5) came in March 2025 with no justification: two flags on one line.
    expect(all4267).toContain('⚠️ Sobre-ejecución sin justificación · Reportado después del cierre de la vigencia');
    expect(all4267).toContain('⚠️ 3 alertas para revisar');
    expect(textOf(indicatorDetailCard(indicatorOf(p, '4248'), byYear(s, '4248'), ctxOf('es')))).toContain(
      'Avance en 0 sin explicación',
    );
    expect(textOf(indicatorDetailCard(indicatorOf(p, '4075'), byYear(s, '4075'), ctxOf('es')))).toContain(
      'Sobre-ejecución sin justificación',
    );
    expect(textOf(indicatorDetailCard(indicatorOf(p, '4075'), byYear(s, '4075'), ctxOf('en')))).toContain(
      'Over-achievement with no justification',
    );
    expect(textOf(indicatorDetailCard(indicatorOf(p, '3980'), byYear(s, '3980'), ctxOf('es')))).toContain(
      '**Evidencia:** Acta 12 de 2025',
    );
  });

  test('no reports: a plain line, the pending note, and the buttons', () => {
    const q = figures([], '2025-06-30');
    const card = indicatorDetailCard(indicatorOf(q, '3979'), [], ctxOf('es'));
    const all = textOf(card);
    expect(all).toContain('Aún no hay reportes de este indicador.');
    expect(all).toContain('⏳ Pendiente: sin reporte en 2025');
    expect(all).toContain('Programado y ejecutado por vigencia');
    expect(topActions(card).map((a) => a.data)).toEqual([
      { verb: 'report-start', indicatorId: '3979' },
      { verb: 'explain', indicatorId: '3979', year: 2025 },
      { verb: 'show-objective', objective: 1 },
      { verb: 'show-plan' },
    ]);
  });

  test('English labels, English numbers', () => {
    const f = indicatorOf(p, '8118-M3');
    const all = textOf(indicatorDetailCard(f, byYear(s, '8118-M3'), ctxOf('en')));
    expect(all).toContain('Indicator 8118-M3');
    expect(all).toContain('**Jun 2025** · reported value 1,500.5');
    expect(all).toContain('and 2 more');
    expect(all).toContain('100,000');
    expect(all).toContain('Programmed and executed by year');
  });
});

describe('plan summary card', () => {
  const p = figures(richReports(), '2025-06-30');

  test('10 objectives at a glance, each one tappable, in order', () => {
    const card = planSummaryCard(p, ctxOf('es'));
    const taps = findAll(card, (x) => !!x.selectAction).map((x) => (x.selectAction as { data: unknown }).data);
    expect(taps).toEqual(Array.from({ length: 10 }, (_, i) => ({ verb: 'show-objective', objective: i + 1 })));
    for (const o of p.objectives) {
      const row = textOf(rowFor(card, { verb: 'show-objective', objective: o.objective.number }));
      expect(row).toContain(`**${o.objective.number}** · ${o.objective.shortName}`);
      expect(row).toContain(formatPercent(o.progress, 'es'));
      expect(row).toContain(`Esperado: ${formatPercent(o.expected, 'es')}`);
    }
  });

  test('plan totals', () => {
    const all = textOf(planSummaryCard(p, ctxOf('es')));
    expect(all).toContain('Plan Estratégico Institucional 2024-2027');
    expect(all).toContain(`Avance del plan\n${formatPercent(p.progress, 'es')}`);
    expect(all).toContain('Vigencia 2025 · corte 30 de junio de 2025');
    expect(all).toContain('7 de 29 indicadores con meta en 2025 tienen reporte.');
    expect(textOf(planSummaryCard(p, ctxOf('en')))).toContain('7 of 29 indicators with a 2025 target have a report.');
  });

  test('buttons: what lags and reporting', () => {
    const card = planSummaryCard(p, ctxOf('es'));
    expect(topActions(card).map((a) => a.data.verb)).toEqual(['show-lagging', 'report-start', 'explain']);
  });
});

describe('lagging card', () => {
  test('red, amber and pending, grouped, with a button per objective', () => {
    const p = figures(richReports(), '2025-06-30');
    const card = laggingCard(p, ctxOf('es'));
    const all = textOf(card);
    expect(all).toContain('🔴 En rojo (2)');
    expect(all).toContain('🟡 En amarillo (2)');
    expect(all).toContain('⏳ Sin reporte en 2025 (22)');
    for (const id of ['3980', '4248', '4267', '8118-M3']) rowFor(card, { verb: 'show-indicator', indicatorId: id });
    expect(textOf(rowFor(card, { verb: 'show-indicator', indicatorId: '3980' }))).toContain(
      'avance 7,7\u00a0% de 50,0\u00a0% esperado',
    );
    // Pending indicators: one row per objective, naming them (and their owners when known).
    const o2 = textOf(rowFor(card, { verb: 'show-objective', objective: 2 }));
    expect(o2).toContain('4234, 4236, 4237, 4244, 8110-M3');
    const buttons = findAll(card, (x) => x.type === 'ActionSet').flatMap(
      (x) => x.actions as { data: Record<string, unknown> }[],
    );
    expect(buttons.map((b) => b.data.objective)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test('only the pending ones when nothing has been reported', () => {
    const q = figures([rep('4263', '2025-06', 0.3)], '2025-06-30');
    const card = laggingCard(q, ctxOf('es'));
    const all = textOf(card);
    expect(all).not.toContain('En rojo');
    expect(all).toContain('⏳ Sin reporte en 2025 (28)');
    expect(textOf(rowFor(card, { verb: 'show-objective', objective: 5 }))).toBe(
      'Ver objetivo 5\n**Objetivo 5** · Relacionamiento con la ciudadanía (2)\n4267, 8129-M4',
    );
  });

  test('owners of pending indicators are named', () => {
    const q = figures([], '2025-06-30');
    const card = laggingCard(q, ctxOf('es'));
    expect(textOf(rowFor(card, { verb: 'show-objective', objective: 5 }))).toContain('4263 (Ana Pérez)');
  });

  test('a friendly line when nothing lags', () => {
    // Every indicator reports exactly what is expected at the corte: verde everywhere.
    const plan = thePlan();
    const reports = plan.objectives.flatMap((o) =>
      o.indicators.filter((i) => i.program[2025] !== 0).map((i) => rep(i.id, '2025-06', expectedLevelOf(i, 2025, 6))),
    );
    const q = figures(reports, '2025-06-30');
    const card = laggingCard(q, ctxOf('es'));
    const all = textOf(card);
    expect(all).toContain('✅ Nada va rezagado');
    expect(findAll(card, (x) => !!x.selectAction)).toHaveLength(0);
    expect(findAll(card, (x) => x.type === 'ActionSet')).toHaveLength(0);
    expect(textOf(laggingCard(q, ctxOf('en')))).toContain('✅ Nothing is lagging');
  });
});

describe('welcome and help', () => {
  test('the welcome speaks Spanish by default, explains what to ask, offers the three buttons', () => {
    const card = welcomeCard(ctxOf('es'));
    const all = textOf(card);
    expect(all).toContain('¡Hola!');
    expect(all).toContain('10 objetivos estratégicos y 29 indicadores');
    for (const phrase of [
      '¿cómo va el objetivo 5?',
      'indicador 4263',
      '¿qué está en rojo?',
      'plan',
      'reportar avance',
      'suscribir resumen semanal',
    ]) {
      expect(submits(card).some((x) => x.data.verb === 'ask' && x.data.text === phrase)).toBe(true);
    }
    expect(topActions(card).map((a) => a.title)).toEqual(['Ver el plan', 'Qué está en rojo', 'Reportar avance']);
    expect(topActions(card).map((a) => a.data)).toEqual([
      { verb: 'show-plan' },
      { verb: 'show-lagging' },
      { verb: 'report-start' },
    ]);
  });

  test('the welcome in English when asked in English', () => {
    const all = textOf(welcomeCard(ctxOf('en')));
    expect(all).toContain("Hi! I'm the PEI bot");
    expect(all).toContain('how is objective 5 doing?');
    expect(all).not.toContain('¿cómo va');
  });

  test("an admin's help lists what to ask, to report and to administer; examples send themselves", () => {
    const card = helpCard(ctxOf('es'), { role: 'admin', scope: 'channel' });
    const all = textOf(card);
    expect(all).toContain('Consultar');
    expect(all).toContain('Reportar');
    expect(all).toContain('Oficina Asesora de Planeación');
    const asks = submits(card)
      .filter((x) => x.data.verb === 'ask')
      .map((x) => x.data.text);
    expect(asks).toEqual(
      expect.arrayContaining([
        '¿cómo va el objetivo 5?',
        'indicador 4263',
        'CSIRT',
        '¿qué está en rojo?',
        'plan',
        'misión',
        'reportar avance',
        'suscribir resumen semanal',
      ]),
    );
    expect(topActions(helpCard(ctxOf('es', { canReport: false }))).map((a) => a.data.verb)).toEqual([
      'show-plan',
      'show-lagging',
    ]);
  });
});

describe('mission and vision', () => {
  const plan = thePlan();
  test('the mission alone, with the legal basis', () => {
    const all = textOf(missionVisionCard(plan, 'mission', ctxOf('es')));
    expect(all).toContain('Misión');
    expect(all).toContain(plan.mission);
    expect(all).not.toContain(plan.vision);
    expect(all).toContain('Fundamento: Ley 152 de 1994, art. 29; Resolución 630 de 2024.');
  });
  test('both, and in English the labels change but the official text stays', () => {
    const all = textOf(missionVisionCard(plan, 'both', ctxOf('en')));
    expect(all).toContain('Mission and vision');
    expect(all).toContain(plan.mission);
    expect(all).toContain(plan.vision);
    expect(all).toContain('Legal basis: Ley 152 de 1994, art. 29');
    expect(textOf(missionVisionCard(plan, 'vision', ctxOf('es')))).not.toContain(plan.mission);
  });
});

describe('choosing among indicators', () => {
  const plan = thePlan();
  test('a button per indicator', () => {
    const inds = plan.objectives[1].indicators;
    const card = chooseIndicatorCard(inds, 'TIC', ctxOf('es'));
    expect(textOf(card)).toContain('Encontré 5 indicadores para «TIC»');
    const buttons = findAll(card, (x) => x.type === 'ActionSet').flatMap((x) => x.actions as { data: unknown }[]);
    expect(buttons.map((b) => b.data)).toEqual(inds.map((i) => ({ verb: 'show-indicator', indicatorId: i.id })));
  });
  test('at most 10, then "hay N más"', () => {
    const inds = plan.objectives.flatMap((o) => o.indicators);
    const card = chooseIndicatorCard(inds, 'de', ctxOf('es'));
    expect(findAll(card, (x) => x.type === 'ActionSet')).toHaveLength(10);
    expect(textOf(card)).toContain('Hay 19 más');
  });
});

describe('messages', () => {
  test('not understood: the text back and example questions as buttons', () => {
    const card = notUnderstoodCard('blablá', ctxOf('es'));
    expect(textOf(card)).toContain('«blablá»');
    const asks = topActions(card).filter((a) => a.data.verb === 'ask');
    expect(asks.length).toBeGreaterThanOrEqual(3);
    expect(asks.length).toBeLessThanOrEqual(4);
    for (const a of asks) expect(a.data.text).toBe(a.title);
    expect(textOf(notUnderstoodCard('blah', ctxOf('en')))).toContain("I didn't understand");
  });
  test('unknown objective: what exists', () => {
    const card = unknownObjectiveCard(12, ctxOf('es'));
    expect(textOf(card)).toContain('No existe el objetivo 12');
    expect(textOf(card)).toContain('del 1 al 10');
    const taps = findAll(card, (x) => !!x.selectAction).map(
      (x) => (x.selectAction as { data: { objective: number } }).data.objective,
    );
    expect(taps).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const bare = unknownObjectiveCard(0, ctxOf('es', { plan: undefined }));
    expect(textOf(bare)).toContain('del 1 al 10');
  });
  test('unknown indicator: how indicators are named', () => {
    const all = textOf(unknownIndicatorCard('9999', ctxOf('es')));
    expect(all).toContain('No encontré el indicador «9999»');
    expect(all).toContain('8116-M3');
  });
  test('a plain message with facts and buttons', () => {
    const card = messageCard({
      title: 'Reporte guardado',
      color: 'good',
      text: 'Gracias.',
      facts: [{ title: 'Indicador', value: '4263' }],
      actions: [{ title: 'Ver el plan', data: { verb: 'show-plan' } }],
    });
    expect(textOf(card)).toContain('Reporte guardado\nGracias.\nIndicador\n4263');
  });
});

test('owners come from the context, several joined', () => {
  const p = figures([], '2025-06-30');
  const ctx = ctxOf('es', { owners: (id) => (id === '4263' ? [ANA, { id: 'b', name: 'Luis Gómez' }] : []) });
  const card = objectiveStatusCard(p.objectives[4], ctx);
  expect(textOf(rowFor(card, { verb: 'show-indicator', indicatorId: '4263' }))).toContain(
    'Responsable: Ana Pérez, Luis Gómez',
  );
});
