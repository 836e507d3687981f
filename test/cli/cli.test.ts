import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main';

function cli(args: string[], env: Record<string, string> = {}) {
  let out = '';
  let err = '';
  const dir = mkdtempSync(join(tmpdir(), 'pei-cli-'));
  return runCli(args, {
    out: (s) => (out += s),
    err: (s) => (err += s),
    env: { PEI_DB_FILE: join(dir, 'db.json'), ...env },
  }).then((code) => ({ code, out, err }));
}

describe('npm run cli -- status', () => {
  test('a missing store is valid: 10 objectives, 29 indicators, everything sin-datos', async () => {
    const { code, out } = await cli(['status', '--year', '2025', '--as-of', '2025-06-30', '--json']);
    expect(code).toBe(0);
    const s = JSON.parse(out);
    expect(s.objectives).toHaveLength(10);
    const inds = s.objectives.flatMap((o: any) => o.indicators);
    expect(inds).toHaveLength(29);
    expect(new Set(inds.map((i: any) => i.status))).toEqual(new Set(['sin-datos']));
    expect(s.plan.status).toBe('sin-datos');
    expect(inds.find((i: any) => i.id === '8118-M3')).toMatchObject({
      program: { 2024: 10000, 2025: 30000, 2026: 30000, 2027: 30000 },
      total: 100000,
      unit: 'number',
      trend: 'suma',
      weight: 0.33,
    });
    expect(inds.find((i: any) => i.id === '2246')).toMatchObject({
      program: { 2024: 0.25, 2025: 0.25, 2026: 0.25, 2027: 0.25 },
      total: 1,
      unit: 'percent',
      weight: 0.34,
    });
  });

  test('8110-M3 has no target in 2024: sin-meta, nulls', async () => {
    const { out } = await cli(['status', '--year', '2024', '--as-of', '2024-12-31', '--json']);
    const i = JSON.parse(out).objectives[1].indicators.find((x: any) => x.id === '8110-M3');
    expect(i).toMatchObject({ status: 'sin-meta', executed: null, progress: null, expected: null });
  });

  test('year defaults to the as-of year; as-of to PEI_NOW', async () => {
    const { out } = await cli(['status', '--json'], { PEI_NOW: '2026-03-31' });
    const s = JSON.parse(out);
    expect([s.asOf, s.year, s.monthsClosed]).toEqual(['2026-03-31', 2026, 3]);
  });

  test('without --json: a readable table in Spanish', async () => {
    const { code, out } = await cli(['status', '--year', '2025', '--as-of', '2025-06-30']);
    expect(code).toBe(0);
    expect(out).toContain('vigencia 2025, corte 2025-06-30 (6 meses cerrados)');
    expect(out).toContain('Objetivo 10');
    expect(out).toContain('sin datos');
    expect(out).toContain('4263');
  });

  test('bad arguments get a Spanish message and exit 2', async () => {
    const a = await cli(['status', '--as-of', '30/06/2025']);
    expect(a.code).toBe(2);
    expect(a.err).toContain('--as-of debe ser una fecha AAAA-MM-DD');
    const b = await cli(['status', '--bogus']);
    expect(b.code).toBe(2);
    const c = await cli(['reportar']);
    expect(c.code).toBe(2);
    expect(c.err).toContain('Comando desconocido: reportar');
  });

  test('a corrupt store stops with a clear message and exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pei-cli-'));
    writeFileSync(join(dir, 'db.json'), '{ roto');
    const { code, err } = await cli(['status', '--json'], { PEI_DB_FILE: join(dir, 'db.json') });
    expect(code).toBe(1);
    expect(err).toContain(join(dir, 'db.json'));
  });
});

describe('npm run cli -- check-plan', () => {
  test("exits 0 with only the seed's known findings, listed in Spanish", async () => {
    const { code, out } = await cli(['check-plan']);
    expect(code).toBe(0);
    expect(out).toContain('[conocido] meta-quantity 4075');
    expect(out).toContain('dice 50 pero la programación 2024-2027 suma 64');
    expect(out).toContain('Resultado: solo hallazgos conocidos de la fuente (semilla).');
  });
  test('--json', async () => {
    const { out } = await cli(['check-plan', '--json']);
    expect(JSON.parse(out).findings).toHaveLength(8);
  });
});

describe('npm run cli -- plan', () => {
  test('versions of a store without any: version 1, the plan as loaded from the source; --plan names it', async () => {
    const r = await cli(['plan', 'versions', '--plan', 'pei-sg-2024-2027', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual([
      { version: 1, effective: '2024-01-01', reason: null, by: null, at: null, changes: [] },
    ]);
    const text = await cli(['plan', 'versions'], { PEI_NOW: '2025-07-10' });
    expect(text.out).toContain(
      'Versión 1 · vigente desde el 2024-01-01 · el plan como se cargó de la fuente · — · — (vigente hoy)',
    );
  });

  test('usage: an unknown plan, a missing subcommand, a missing --out or --reason exit 2 with the reason', async () => {
    const other = await cli(['plan', 'versions', '--plan', 'pei-2028-2031']);
    expect(other.code).toBe(2);
    expect(other.err).toContain('--plan: no hay un plan «pei-2028-2031» (los planes cargados: pei-sg-2024-2027)');
    const none = await cli(['plan']);
    expect(none.code).toBe(2);
    expect(none.err).toContain('Uso: npm run cli -- plan <export|import|versions>');
    expect((await cli(['plan', 'export'])).err).toContain('falta --out ARCHIVO.xlsx');
    const noReason = await cli(['plan', 'import', 'plan.xlsx']);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('Falta --reason');
    const badDate = await cli(['plan', 'import', 'plan.xlsx', '--reason', 'Resolución 45', '--effective', '1/9/2025']);
    expect(badDate.code).toBe(2);
    expect(badDate.err).toContain('--effective debe ser una fecha AAAA-MM-DD (recibido: 1/9/2025)');
  });
});
