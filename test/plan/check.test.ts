import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPlan } from '../../src/plan/load';
import { parsePlan } from '../../src/plan/schema';
import { checkPlan, statedQuantity, cellFormat, type Finding } from '../../src/plan/check';
import type { Plan } from '../../src/domain/plan';
import { catalog } from '../../src/i18n';

const es = (f: Finding) => catalog('es').operator.finding(f);
const en = (f: Finding) => catalog('en').operator.finding(f);

const raw = (): Plan => JSON.parse(readFileSync(join(__dirname, '../../data/plan.json'), 'utf8'));
const keys = (p: Plan) => checkPlan(p).findings.map((f) => `${f.code} ${f.ref}`);

describe('check-plan on the seed plan', () => {
  const result = checkPlan(loadPlan());

  test('finds exactly the inconsistencies known in the seed, all acknowledged', () => {
    expect(result.findings.map((f) => `${f.code} ${f.ref}`).sort()).toEqual([
      'code-out-of-series 2246',
      'meta-quantity 4075',
      'mixed-format 3979',
      'mixed-format 4267',
      'no-code O10-1',
      'no-code O10-2',
      'weights-year O2:2024',
      'zero-target 8110-M3:2024',
    ]);
    expect(result.ok).toBe(true);
    expect(result.stale).toEqual([]);
  });

  test('meta 2153: 50 stated vs 64 programmed', () => {
    const f = result.findings.find((x) => x.code === 'meta-quantity')!;
    expect(es(f)).toBe('Meta Sectorial 2153 dice 50 pero la programación 2024-2027 suma 64');
    expect(en(f)).toBe('Meta Sectorial 2153 says 50 but the 2024-2027 programme adds up to 64');
  });

  test('objective 2 in 2024: only 80 % of the weight is programmed', () => {
    const f = result.findings.find((x) => x.ref === 'O2:2024')!;
    expect(es(f)).toContain('solo 80\u00a0% de la ponderación del objetivo 2');
    expect(en(f)).toContain('only 80% of objective 2');
  });

  test('4267 mixes formats and is read as 0,5 | 1,5 | 2,5 | 3', () => {
    const f = result.findings.find((x) => x.ref === '4267')!;
    expect(es(f)).toContain('se lee como 0,5 | 1,5 | 2,5 | 3 | 3');
    expect(en(f)).toContain('it is read as 0.5 | 1.5 | 2.5 | 3 | 3');
  });
});

describe('check-plan finds new problems in changed data', () => {
  test('weights of an objective that do not add to 100 %', () => {
    const p = raw();
    p.objectives[2].indicators[0].weight = 0.4;
    const r = checkPlan(parsePlan(p));
    expect(keys(p)).toContain('weights-sum O3');
    const f = r.findings.find((x) => x.code === 'weights-sum')!;
    expect(f.facts).toEqual({ code: 'weights-sum', objective: 3, sum: expect.closeTo(0.9, 9) });
    expect(es(f)).toBe('las ponderaciones del objetivo 3 suman 90\u00a0%, no 100\u00a0%');
    expect(en(f)).toBe('the weights of objective 3 add up to 90%, not 100%');
    expect(r.ok).toBe(false);
  });

  test('a Suma total that is not the sum of the years', () => {
    const p = raw();
    p.objectives[0].indicators[1].total = 80;
    expect(keys(p)).toContain('total-mismatch 3980');
  });

  test('a Creciente total that is not the last year', () => {
    const p = raw();
    p.objectives[4].indicators[0].total = 0.9;
    expect(keys(p)).toContain('total-mismatch 4263');
  });

  test('a meta text that states another quantity', () => {
    const p = raw();
    p.objectives[1].indicators[1].meta.text = p.objectives[1].indicators[1].meta.text.replace('15 Nodos', '16 Nodos');
    expect(keys(p)).toContain('meta-quantity 4236');
  });

  test('a fixed inconsistency leaves a stale acknowledgement (reported, not failing)', () => {
    const p = raw();
    p.objectives[3].indicators[1].meta.text = p.objectives[3].indicators[1].meta.text.replace(
      '50 Instrumentos',
      '64 Instrumentos',
    );
    const r = checkPlan(p);
    expect(r.ok).toBe(true);
    expect(r.stale).toEqual([{ code: 'meta-quantity', ref: '4075' }]);
  });
});

test.each([
  ['Participar en 50 Instrumentos', 50],
  ['Acompañar al 100% de entidades', 1],
  ['Poner en servicio 100.000 unidades documentales', 100000],
  ['Cumplir mensualmente con la prestación oportuna del 95% de los servicios', 0.95],
  ['Consolidar el Laboratorio de innovación', null],
])('stated quantity of "%s" is %p', (text, q) => expect(statedQuantity(text)).toBe(q));

test.each([
  ['15%', 'percent'],
  ['2,50%', 'percent'],
  ['10.000', 'thousands'],
  ['0,50', 'decimal-comma'],
  ['1.50', 'decimal-point'],
  ['81', 'integer'],
])('cell %s is %s', (cell, f) => expect(cellFormat(cell)).toBe(f));
