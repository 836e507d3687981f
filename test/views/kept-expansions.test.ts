import { readdirSync } from 'node:fs';
import { cardsDir, checkKeptExpansions, expandTemplate, keepableTemplate, keepsExpansions, renderCard } from '../../src/views/render';
import { reportConfirmationCard } from '../../src/views/report-cards';
import { loadPlan } from '../../src/plan/load';
import type { ReportRecord } from '../../src/domain/records';

// test/setup-render-check.ts compares every kept card with the library's expansion; these tests see what a user
// would see if the shortcut went wrong, so they run with the comparison off.
beforeAll(() => checkKeptExpansions(false));
afterAll(() => checkKeptExpansions(true));

const plan = loadPlan();
const indicator = plan.objectives[3].indicators[0];

function record(extra: Partial<ReportRecord>): ReportRecord {
  return {
    id: 'r1',
    indicatorId: indicator.id,
    period: '2025-06',
    value: 0.4,
    logros: 'Se ejecutaron las actividades del mes.',
    evidencia: 'https://intranet.example.gov.co/pei/1',
    author: { id: 'aad-ana', name: 'Ana Pérez' },
    reportedAt: '2025-07-03T15:00:00.000Z',
    version: 1,
    source: 'teams',
    ...extra,
  } as ReportRecord;
}

const texts = (card: unknown) => JSON.stringify(card);

describe('kept expansions (render.ts)', () => {
  test('every template in cards/ binds only the shape of its data, so every card takes the shortcut', () => {
    const names = readdirSync(cardsDir()).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
    expect(names.length).toBeGreaterThan(15);
    expect(names.filter((n) => !keepsExpansions(n))).toEqual([]);
  });

  test('a template whose bindings look into a string is expanded by the library every time', () => {
    expect(keepableTemplate({ type: 'TextBlock', text: '${title}', $when: "${count(notes) > 0 && !open}", color: '${c != null}' })).toBe(true);
    expect(keepableTemplate({ type: 'TextBlock', text: '${toUpper(title)}' })).toBe(false);
    expect(keepableTemplate({ type: 'TextBlock', $when: "${status == 'verde'}", text: '${title}' })).toBe(false);
    expect(keepableTemplate({ type: 'TextBlock', $when: '${length(title) > 3}', text: '${title}' })).toBe(false);
    expect(keepableTemplate({ type: 'TextBlock', text: 'a \uE0000\uE001 b ${title}' })).toBe(false);
  });

  test('two confirmations of the same shape show each its own report, in separate objects', () => {
    const a = reportConfirmationCard({ lang: 'es', indicator, record: record({}), notes: [] });
    const b = reportConfirmationCard({ lang: 'es', indicator, record: record({ id: 'r2', value: 0.55, logros: 'Otro logro distinto del mes.', author: { id: 'aad-luis', name: 'Luis Gómez' } }), notes: [] });
    expect(texts(a)).toContain('Ana Pérez');
    expect(texts(a)).toContain('Se ejecutaron las actividades del mes.');
    expect(texts(b)).toContain('Luis Gómez');
    expect(texts(b)).toContain('Otro logro distinto del mes.');
    expect(texts(b)).not.toContain('Ana Pérez');
    expect(texts(b)).toContain('"value":"0,55"');
    expect(texts(a)).toContain('"value":"0,4"');
    (a.body as { text?: string }[])[0].text = 'cambiado';
    const c = reportConfirmationCard({ lang: 'es', indicator, record: record({}), notes: [] });
    expect((c.body as { text?: string }[])[0].text).not.toBe('cambiado');
  });

  test('a change of shape (a note, a correction, a duplicate) draws its own card', () => {
    const plain = reportConfirmationCard({ lang: 'es', indicator, record: record({}), notes: [] });
    const noted = reportConfirmationCard({ lang: 'es', indicator, record: record({ version: 2, dificultades: 'Se corrige la cifra de junio.' }), notes: ['Corrige la versión 1.'] });
    const dup = reportConfirmationCard({ lang: 'en', indicator, record: record({}), duplicate: true });
    expect(texts(plain)).not.toContain('Corrige la versión 1.');
    expect(texts(noted)).toContain('Corrige la versión 1.');
    expect(texts(noted)).toContain('Se corrige la cifra de junio.');
    expect(texts(noted)).toContain('"style":"warning"');
    expect(texts(plain)).not.toContain('"style":"warning"');
    expect(texts(dup)).toMatch(/already/i);
  });

  test('what a person typed is shown exactly, token characters, dollar signs and bindings included', () => {
    const tricky = 'Ver \uE0000\uE001 y \uE000 12 \uE001, $& $1 $$ ${title} `x` ¡listo!';
    const data = { title: 'Hola', color: 'default', text: tricky, facts: [{ title: '${facts}', value: tricky }], rows: [], actions: [] };
    const kept = renderCard('message', data);
    const again = renderCard('message', data);
    const library = expandTemplate('message', data);
    expect(kept).toEqual(library);
    expect(again).toEqual(library);
    expect(texts(kept)).toContain(JSON.stringify(tricky).slice(1, -1));
  });

  test('empty strings, nulls, numbers and booleans keep their meaning in the conditions', () => {
    const base = { title: null, color: 'default', text: 'Uno', facts: null, rows: [], actions: [] };
    for (const data of [base, { ...base, title: '' }, { ...base, title: 'Título' }, { ...base, facts: [] }, { ...base, facts: [{ title: 'a', value: 'b' }] }]) {
      expect(renderCard('message', data)).toEqual(expandTemplate('message', data));
    }
  });

  test('a model that is not plain JSON is expanded as it is', () => {
    const when = new Date('2025-07-03T12:00:00Z');
    const data = { title: when, color: 'default', text: 'Uno', facts: null, rows: [], actions: [] };
    expect(renderCard('message', data)).toEqual(expandTemplate('message', data));
  });
});
