import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lastClosedQuarter, neutralise, quarterAsOf, quarterEnd, quarterPeriods } from '../../src/outputs/common';
import { signExportQuery, verifyExportQuery, exportLink } from '../../src/outputs/signed-link';
import { openDataCsv, openDataRows, OPEN_DATA_NAMES } from '../../src/outputs/open-data';
import { quarterInText } from '../../src/chat/outputs';
import { resolveLinkSecret, LINK_SECRET_FILE } from '../../src/link-secret';
import { loadPlan } from '../../src/plan/load';
import { computePlan } from '../../src/progress/engine';
import { report } from '../helpers/reports';

const SECRET = 'k'.repeat(40);
const NOW = new Date('2025-07-03T17:00:00.000Z');
const query = (q: string) => Object.fromEntries(new URLSearchParams(q));

describe('the signed download link', () => {
  test('valid for 15 minutes: accepted one second before, refused (expired) at the minute', () => {
    const { query: q, expires } = signExportQuery(SECRET, 2025, 2, NOW);
    expect(expires.getTime() - NOW.getTime()).toBe(15 * 60_000);
    expect(verifyExportQuery(SECRET, query(q), new Date(NOW.getTime() + 15 * 60_000 - 1000))).toEqual({
      ok: true,
      year: 2025,
      quarter: 2,
    });
    expect(verifyExportQuery(SECRET, query(q), new Date(NOW.getTime() + 15 * 60_000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  test('any change to year, quarter, expiry or signature, or another key, is tampering', () => {
    const q = query(signExportQuery(SECRET, 2025, 2, NOW).query);
    const tampered = [
      { ...q, year: '2024' },
      { ...q, quarter: '3' },
      { ...q, expires: String(Number(q.expires) + 60) },
      { ...q, sig: q.sig.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
    ];
    for (const t of tampered) expect(verifyExportQuery(SECRET, t, NOW)).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyExportQuery('otra-clave'.repeat(4), q, NOW)).toEqual({ ok: false, reason: 'tampered' });
    expect(verifyExportQuery(SECRET, { ...q, sig: 'corto' }, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyExportQuery(SECRET, {}, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(exportLink('https://pei.example.gov.co/', SECRET, 2025, 2, NOW).url).toMatch(
      /^https:\/\/pei\.example\.gov\.co\/api\/v1\/export\/download\?year=2025&quarter=2&expires=\d+&sig=[\w-]{43}$/,
    );
  });

  test('without PEI_LINK_SECRET a random key is kept beside the store, the same on every start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pei-secret-'));
    const a = resolveLinkSecret(undefined, join(dir, 'db.json'));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveLinkSecret(undefined, join(dir, 'db.json'))).toBe(a);
    expect(readFileSync(join(dir, LINK_SECRET_FILE), 'utf8').trim()).toBe(a);
    expect(statSync(join(dir, LINK_SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(resolveLinkSecret(SECRET, join(dir, 'db.json'))).toBe(SECRET);
  });
});

describe('quarters', () => {
  test("cut: the quarter's last day, today while it runs, none before it starts", () => {
    expect(quarterPeriods(2025, 2)).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(quarterEnd(2025, 1)).toBe('2025-03-31');
    expect(quarterAsOf(2025, 2, '2025-07-03')).toEqual({ asOf: '2025-06-30', running: false });
    expect(quarterAsOf(2025, 3, '2025-07-03')).toEqual({ asOf: '2025-07-03', running: true });
    expect(quarterAsOf(2025, 4, '2025-07-03')).toBeNull();
    expect(lastClosedQuarter('2025-07-03')).toEqual({ year: 2025, quarter: 2 });
    expect(lastClosedQuarter('2026-01-15')).toEqual({ year: 2025, quarter: 4 });
    expect(lastClosedQuarter('2025-06-30')).toEqual({ year: 2025, quarter: 2 });
  });

  test.each([
    ['exportar seguimiento t2 2025', 2],
    ['export follow up q3', 3],
    ['exportar seguimiento del trimestre 1', 1],
    ['exportar el segundo trimestre', 2],
    ['export the fourth quarter', 4],
    ['exportar seguimiento 2025', undefined],
  ])('«%s» names quarter %s', (text, q) => expect(quarterInText(text)).toBe(q));
});

describe('cells people typed cannot become formulas', () => {
  test.each(['=1+1', '+57 300', '-2', '@SUM(A1)', '\tx', '\rx'])('%j gets an apostrophe', (s) =>
    expect(neutralise(s)).toBe(`'${s}`),
  );
  test('other text is unchanged', () => expect(neutralise('Avance 50 % = meta')).toBe('Avance 50 % = meta'));
});

describe('open-data rows (pure)', () => {
  test('one row per indicator and year; authors and texts never enter', () => {
    const plan = loadPlan();
    const reports = [
      report('4263', '2025-06', 0.3, {
        author: { id: 'aad-x', name: 'Persona Secreta', email: 'secreta@example.gov.co' },
        logros: 'Habló con Persona Secreta',
      }),
    ];
    const rows = openDataRows(plan, (year, asOf) => computePlan(plan, reports, { year, asOf }), '2025-07-03');
    expect(rows).toHaveLength(29 * 4);
    const csv = openDataCsv(rows);
    expect(csv.split('\n')[0]).toBe(OPEN_DATA_NAMES.join(','));
    expect(csv).not.toMatch(/Persona Secreta|secreta@|aad-x/);
    expect(rows.find((r) => r.indicador_id === '4263' && r.vigencia === 2025)).toMatchObject({
      ejecutado_vigencia: 0.3,
      avance_vigencia: 0.75,
      ultimo_periodo_reportado: '2025-06',
    });
    expect(rows.find((r) => r.indicador_id === '4263' && r.vigencia === 2026)).toMatchObject({
      fecha_corte: '2025-07-03',
      meses_cerrados: 0,
      ejecutado_vigencia: null,
    });
  });
});
