import plan from '../data/plan.json';
import { createUnderstanding } from '../src/language';
import { createFreeWordSearch } from '../src/language/search';
import { makeCanonicalizer } from '../src/language/lexicon';
import type { Plan } from '../src/plan/types';
const time = (label: string, n: number, f: (i: number) => void) => { const t0 = process.hrtime.bigint(); for (let i = 0; i < n; i++) f(i); console.log(label, (Number(process.hrtime.bigint() - t0) / 1e6 / n).toFixed(4)); };
test('perf', () => {
  const nlu = createUnderstanding(plan as unknown as Plan);
  const s = createFreeWordSearch(plan as unknown as Plan);
  const c = makeCanonicalizer(new Set());
  for (const m of ['¿cómo va el objetivo 5?', 'how is objective five doing', 'CSIRT', 'cómo van los nodos digitales', 'qué está en rojo', 'hola', 'me gusta el fútbol y la comida típica de Bogotá','cómo va la infraestuctura de datos del distrito'])
    time('understand ' + m, 3000, () => nlu.understand(m));
  time('search nodos digitales', 3000, () => s.match(['nodos', 'digitales']));
  time('search gusta futbol comida tipica bogota', 3000, () => s.match(['gusta', 'futbol', 'comida', 'tipica', 'bogota']));
  time('search infraestuctura datos distrito', 3000, () => s.match(['infraestuctura', 'datos', 'distrito']));
  time('canon novel', 3000, (i) => c('palabra' + i));
});
