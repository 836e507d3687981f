import plan from '../data/plan.json';
import { createUnderstanding } from '../src/language';
import type { Plan } from '../src/plan/types';
import * as fs from 'fs';
test('try', () => {
  const nlu = createUnderstanding(plan as unknown as Plan);
  const lines = fs.readFileSync('/tmp/lang/phrases.txt', 'utf8').split('\n').filter(Boolean);
  const out: string[] = [];
  for (const l of lines) { const u = nlu.understand(l); const { text, ...rest } = u; out.push(`${l.padEnd(55)} => ${JSON.stringify(rest)}`); }
  fs.writeFileSync('/tmp/lang/out.txt', out.join('\n'));
});
