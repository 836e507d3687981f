import plan from '../data/plan.json';
import { createUnderstanding } from '../src/language';
import type { Plan } from '../src/plan/types';
test('perf', () => {
  let t0 = process.hrtime.bigint();
  const nlu = createUnderstanding(plan as unknown as Plan);
  console.log('build ms', Number(process.hrtime.bigint() - t0) / 1e6);
  const msgs = ['¿cómo va el objetivo 5?', 'how is objective five doing', 'CSIRT', 'cómo van los nodos digitales', 'qué está en rojo', 'asignar responsable 4263 ana.perez@secretariageneral.gov.co', 'me gusta el fútbol y la comida típica de Bogotá', 'cómo va la infraestuctura de datos del distrito', 'hola', 'reportar avance 4263 junio 2025'];
  for (const m of msgs) { t0 = process.hrtime.bigint(); nlu.understand(m); console.log('cold', (Number(process.hrtime.bigint() - t0) / 1e6).toFixed(3), m); }
  const N = 2000;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) for (const m of msgs) nlu.understand(m);
  console.log('warm avg ms', Number(process.hrtime.bigint() - t0) / 1e6 / (N * msgs.length));
  // uncached novel tokens
  t0 = process.hrtime.bigint();
  for (let i = 0; i < 2000; i++) nlu.understand(`cómo va la palabra${i} nueva${i} del objetivo`);
  console.log('novel avg ms', Number(process.hrtime.bigint() - t0) / 1e6 / 2000);
  const long = 'cómo va el objetivo 5 '.repeat(100);
  t0 = process.hrtime.bigint(); nlu.understand(long); console.log('long ms', Number(process.hrtime.bigint() - t0) / 1e6);
});
