import { loadPlan } from '../../src/plan/load';
import { createUnderstanding } from '../../src/language';

/** Issue 16: «mis indicadores» as an intent, and the search box's reading (pure, no store). */

const nlu = createUnderstanding(loadPlan());

test.each([
  ['mis indicadores', 'es'],
  ['¿cuáles son mis indicadores?', 'es'],
  ['Mis Indicadores', 'es'],
  ['mis indicadres', 'es'],
  ['mis indicdores por favor', 'es'],
  ['indicadores a mi cargo', 'es'],
  ['qué indicadores tengo a cargo', 'es'],
  ['my indicators', 'en'],
  ['what are my indicators?', 'en'],
  ['my kpis', 'en'],
  ['indicators I own', 'en'],
])("«%s» asks for the owner's list (%s)", (text, lang) => {
  expect(nlu.understand(text)).toMatchObject({ intent: 'my-indicators', lang });
});

test.each([
  ['mi indicador 4263', 'indicator-detail'],
  ['indicadores', 'plan-summary'],
  ['reportar avance', 'report-start'],
  ['responsables', 'owners'],
])('«%s» is still %s', (text, intent) => {
  expect(nlu.understand(text).intent).toBe(intent);
});

test('the search box: what is named first, then what the words point to', () => {
  expect(nlu.search('CSIRT')[0]).toEqual({ kind: 'indicator', id: '4234' });
  expect(nlu.search('objetivo 5')).toEqual([
    { kind: 'objective', objective: 5 },
    { kind: 'indicator', id: '4263' },
    { kind: 'indicator', id: '4267' },
    { kind: 'indicator', id: '8129-M4' },
  ]);
  expect(nlu.search('archivo')[0]).toEqual({ kind: 'objective', objective: 9 });
  expect(nlu.search('o10-1')[0]).toEqual({ kind: 'indicator', id: 'O10-1' });
  // Several matches are all offered, best first.
  const nodes = nlu.search('nodos digitales');
  expect(nodes[0]).toEqual({ kind: 'indicator', id: '4236' });
  expect(nodes.length).toBeGreaterThan(1);
  expect(new Set(nodes.map((h) => JSON.stringify(h))).size).toBe(nodes.length);
  // A code the plan does not have, and words that point nowhere.
  expect(nlu.search('9999')).toEqual([]);
  expect(nlu.search('xyzzy')).toEqual([]);
  expect(nlu.search('')).toEqual([]);
  expect(nlu.search(undefined as unknown as string)).toEqual([]);
});
