import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlan, allIndicators } from '../../src/plan/load';
import { parsePlan, PlanError } from '../../src/plan/schema';
import { catalog, planFailureText } from '../../src/i18n';

const plan = loadPlan();
const seed = readFileSync(join(__dirname, '../../docs/fuente/pei-2024-2027.txt'), 'utf8');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

// The seed's rows, typed by hand from the source document: id, objective, meta, trend, weight %, 2024..2027, total, unit.
const SEED: [string, number, string, string, number, number[], number, 'number' | 'percent'][] = [
  ['3979', 1, '2057', 'creciente', 50, [0.15, 0.45, 0.75, 1], 1, 'percent'],
  ['3980', 1, '2058', 'suma', 50, [2, 26, 26, 27], 81, 'number'],
  ['4234', 2, '2310', 'constante', 20, [1, 1, 1, 1], 1, 'number'],
  ['4236', 2, '2312', 'suma', 10, [4, 4, 4, 3], 15, 'number'],
  ['4237', 2, '2313', 'creciente', 25, [0.1, 0.4, 0.7, 1], 1, 'percent'],
  ['4244', 2, '2320', 'creciente', 25, [0.1, 0.4, 0.7, 1], 1, 'percent'],
  ['8110-M3', 2, '8110-M3', 'suma', 20, [0, 1, 1, 1], 3, 'number'],
  ['4199', 3, '2275', 'constante', 50, [1, 1, 1, 1], 1, 'number'],
  ['8116-M3', 3, '8116-M3', 'suma', 25, [2, 4, 4, 4], 14, 'number'],
  ['8116-M4', 3, '8116-M4', 'constante', 25, [4, 4, 4, 4], 4, 'number'],
  ['4074', 4, '2152', 'constante', 50, [1, 1, 1, 1], 1, 'number'],
  ['4075', 4, '2153', 'suma', 50, [20, 17, 17, 10], 64, 'number'],
  ['4263', 5, '2339', 'creciente', 50, [0.1, 0.4, 0.75, 1], 1, 'number'],
  ['4267', 5, '2343', 'creciente', 25, [0.5, 1.5, 2.5, 3], 3, 'number'],
  ['8129-M4', 5, '8129-M4', 'creciente', 25, [1, 1, 1, 1], 1, 'percent'],
  ['2246', 6, '2322', 'suma', 34, [0.25, 0.25, 0.25, 0.25], 1, 'percent'],
  ['4248', 6, '2324', 'suma', 33, [1, 2, 2, 1], 6, 'number'],
  ['4249', 6, '2325', 'suma', 33, [2, 5, 4, 4], 15, 'number'],
  ['4226', 7, '2302', 'creciente', 30, [0.1, 0.4, 0.7, 1], 1, 'number'],
  ['8111-M1', 7, '8111-M1', 'creciente', 20, [0.1, 0.6, 0.8, 1], 1, 'number'],
  ['8111-M3', 7, '8111-M3', 'creciente', 30, [0.2, 0.6, 0.8, 1], 1, 'number'],
  ['8098-M4', 7, '8098-M4', 'creciente', 20, [0.15, 0.5, 0.8, 1], 1, 'number'],
  ['4200', 8, '2276', 'suma', 50, [0.25, 0.25, 0.25, 0.25], 1, 'number'],
  ['4202', 8, '2278', 'creciente', 50, [0.4, 0.6, 0.8, 1], 1, 'number'],
  ['4205', 9, '2281', 'creciente', 34, [0.1, 0.5, 0.7, 1], 1, 'number'],
  ['8118-M3', 9, '8118-M3', 'suma', 33, [10000, 30000, 30000, 30000], 100000, 'number'],
  ['8118-M4', 9, '8118-M4', 'creciente', 33, [0.05, 0.35, 0.7, 1], 1, 'number'],
  ['O10-1', 10, 'O10-1', 'constante', 50, [0.95, 0.95, 0.95, 0.95], 0.95, 'percent'],
  ['O10-2', 10, 'O10-2', 'constante', 50, [0.95, 0.95, 0.95, 0.95], 0.95, 'percent'],
];

describe('the plan data matches the seed number by number', () => {
  test('10 objectives holding 2, 5, 3, 2, 3, 3, 4, 2, 3, 2 indicators (29)', () => {
    expect(plan.objectives.map((o) => o.indicators.length)).toEqual([2, 5, 3, 2, 3, 3, 4, 2, 3, 2]);
    expect(allIndicators(plan)).toHaveLength(29);
  });

  test.each(SEED)('%s', (id, objective, meta, trend, weight, program, total, unit) => {
    const ind = allIndicators(plan).find((i) => i.id === id)!;
    expect(ind).toBeDefined();
    expect(ind.objective).toBe(objective);
    expect(ind.meta.id).toBe(meta);
    expect(ind.trend).toBe(trend);
    expect(ind.weight).toBeCloseTo(weight / 100, 10);
    expect([ind.program[2024], ind.program[2025], ind.program[2026], ind.program[2027]]).toEqual(program);
    expect(ind.total).toBe(total);
    expect(ind.unit).toBe(unit);
    expect(ind.baseline).toBeNull();
  });

  test('every objective name, meta text, indicator name and printed cell is in the seed', () => {
    const text = squash(seed);
    for (const o of plan.objectives) {
      expect(text).toContain(squash(o.name).replace(/\.$/, ''));
      for (const i of o.indicators) {
        // The seed breaks words across lines ("intra\nemprendimiento"); compare on squashed text.
        expect(text).toContain(squash(i.meta.text).replace(/\.$/, '').slice(0, 60));
        expect(text).toContain(squash(i.name).slice(0, 40));
        for (const cell of [...i.printed.program, i.printed.total, i.printed.weight]) expect(text).toContain(cell);
      }
    }
  });

  test('misión, visión and legal basis', () => {
    expect(squash(seed)).toContain(plan.mission.slice(0, 80));
    expect(squash(seed)).toContain(plan.vision.slice(0, 60));
    expect(plan.legalBasis.map((l) => l.norm)).toEqual(['Ley 152 de 1994', 'Resolución 630 de 2024']);
    expect(plan.legalBasis[0].article).toBe('29');
  });

  test('areas in charge where the seed names one', () => {
    const areas = Object.fromEntries(
      allIndicators(plan)
        .filter((i) => i.area)
        .map((i) => [i.id, i.area]),
    );
    expect(areas).toEqual({
      '8110-M3': 'Subsecretaría Corporativa',
      'O10-1': 'Subdirección de Servicios Administrativos',
      'O10-2': 'Subdirección de Servicios Administrativos',
    });
  });

  test('ids follow docs/dominio.md: sectoral code, PPPP-Mn for project metas, O10-n', () => {
    for (const i of allIndicators(plan)) {
      if (i.meta.kind === 'sectorial') expect(i.id).toBe(i.printedNumber);
      if (i.meta.kind === 'proyecto') expect(i.id).toBe(`${i.meta.project}-M${i.meta.number}`);
      if (i.meta.kind === 'gestion') expect(i.id).toMatch(/^O10-[12]$/);
    }
  });
});

describe('a broken plan file stops start-up with a message naming the field', () => {
  const raw = () => JSON.parse(readFileSync(join(__dirname, '../../data/plan.json'), 'utf8'));
  /** What the operator reads: src/plan/ throws the code and facts, the edges (cli/, main.ts) word them so. */
  const operatorReads = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      if (e instanceof PlanError) return planFailureText(e.failure, catalog('es').operator);
      throw e;
    }
    return '';
  };

  test('a weight written as text', () => {
    const p = raw();
    p.objectives[4].indicators[0].weight = '50%';
    expect(() => parsePlan(p)).toThrow(PlanError);
    expect(() => parsePlan(p)).toThrow(/objectives\[4\]\.indicators\[0\]\.weight/);
  });

  test('an unknown tendencia and a missing program year', () => {
    const p = raw();
    p.objectives[0].indicators[1].trend = 'lineal';
    delete p.objectives[1].indicators[0].program['2026'];
    const err = (() => {
      try {
        parsePlan(p);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(err).toMatch(/objectives\[0\]\.indicators\[1\]\.trend/);
    expect(err).toMatch(/objectives\[1\]\.indicators\[0\]\.program\.2026/);
  });

  test('a repeated indicator id', () => {
    const p = raw();
    p.objectives[1].indicators[1].id = '4234';
    expect(() => parsePlan(p)).toThrow(PlanError);
    expect(operatorReads(() => parsePlan(p))).toMatch(/id repetido: 4234/);
  });

  test('a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plan-'));
    writeFileSync(join(dir, 'plan.json'), '{ "id": ');
    expect(() => loadPlan(join(dir, 'plan.json'))).toThrow(PlanError);
    expect(operatorReads(() => loadPlan(join(dir, 'plan.json')))).toMatch(/no es JSON válido/);
  });
});
