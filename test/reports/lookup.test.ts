import { reportLookup } from '../../src/reports/lookup';
import { effectiveByPeriod } from '../../src/reports/validate';
import type { ReportRecord } from '../../src/domain/records';
import { report } from '../helpers/reports';

/** latestOfIndicator keeps what effectiveByPeriod would keep of every stored version, as reports are appended. */

const byPeriod = (rs: readonly ReportRecord[]) => [...rs].sort((a, b) => (a.period < b.period ? -1 : 1));

describe('reportLookup.latestOfIndicator', () => {
  test('equals effectiveByPeriod(ofIndicator) after any sequence of appends, corrections included', () => {
    const list: ReportRecord[] = [];
    const lookup = reportLookup(list);
    const versions = new Map<string, number>();
    let s = 7;
    const rand = () => (s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32;
    for (let i = 0; i < 600; i++) {
      const id = ['4263', '4236', '3980'][Math.floor(rand() * 3)];
      const period = `2025-0${1 + Math.floor(rand() * 6)}`;
      const key = `${id}|${period}`;
      // Mostly the next version; now and then a stale or repeated one (written out of order).
      const next = (versions.get(key) ?? 0) + 1;
      const version = rand() < 0.1 ? Math.max(1, next - 2) : next;
      versions.set(key, Math.max(next - 1, version));
      list.push(report(id, period, i, { version }));
      if (i % 37 === 0 || i === 599) {
        for (const x of ['4263', '4236', '3980', 'nope']) {
          expect(byPeriod(lookup.latestOfIndicator(x))).toEqual(effectiveByPeriod(lookup.ofIndicator(x), x));
        }
      }
    }
  });

  test('the first of two equal versions is the one kept, as effectiveByPeriod keeps it', () => {
    const a = report('4236', '2025-03', 1, { version: 2 });
    const b = report('4236', '2025-03', 2, { version: 2 });
    const lookup = reportLookup([report('4236', '2025-03', 0), a, b]);
    expect(lookup.latestOfIndicator('4236')).toEqual([a]);
    expect(effectiveByPeriod(lookup.ofIndicator('4236'), '4236')).toEqual([a]);
  });
});
