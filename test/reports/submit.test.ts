import { loadPlan } from '../../src/plan/load';
import { parseNow } from '../../src/calendar';
import { createMemoryStore } from '../../src/store/memory';
import { submitReport, type SubmitRequest } from '../../src/reports/submit';
import { isOwner, mayReport, personOf, samePerson } from '../../src/reports/ownership';
import { reportLookup } from '../../src/reports/lookup';

const plan = loadPlan();
const NOW = parseNow('2025-07-03')!;
const ANA = { id: 'aad-ana', aadObjectId: 'aad-ana', name: 'Ana Pérez' };
const LUIS = { id: 'aad-luis', aadObjectId: 'aad-luis', name: 'Luis Gómez' };
const input = {
  indicatorId: '4263',
  period: '2025-06',
  value: '0,3',
  logros: 'Se publicó la nueva versión del portal',
  dificultades: '',
  evidencia: 'https://intranet.example.gov.co/4263',
};

async function setup() {
  const store = createMemoryStore();
  await store.setOwners(
    '4263',
    [{ id: 'aad-ana', name: 'Ana Pérez' }],
    { id: 'aad-admin', name: 'Admin' },
    NOW.toISOString(),
  );
  const req = (over: Partial<SubmitRequest> = {}): SubmitRequest => ({
    plan,
    actor: ANA,
    isAdmin: false,
    input,
    submissionId: 'form-1',
    now: NOW,
    source: 'teams',
    lang: 'es',
    ...over,
  });
  return { store, req };
}

describe('submitReport', () => {
  test('an owner stores a report, with its audit entry', async () => {
    const { store, req } = await setup();
    const r = await submitReport(store, req());
    expect(r.status).toBe('stored');
    if (r.status !== 'stored') return;
    expect(r.record).toMatchObject({
      indicatorId: '4263',
      period: '2025-06',
      value: 0.3,
      version: 1,
      author: { id: 'aad-ana', name: 'Ana Pérez' },
      source: 'teams',
      submissionId: 'aad-ana:form-1',
    });
    expect(r.correction).toBe(false);
    expect(await store.reports()).toHaveLength(1);
    expect(await store.audit({ target: 'report:4263:2025-06' })).toHaveLength(1);
  });

  test('a repeat of the same submissionId stores nothing new', async () => {
    const { store, req } = await setup();
    await submitReport(store, req());
    const again = await submitReport(store, req({ input: { ...input, value: '0,35' } }));
    expect(again.status).toBe('duplicate');
    expect(await store.reports()).toHaveLength(1);
    // concurrent repeats as well
    const both = await Promise.all([
      submitReport(store, req({ submissionId: 'form-2' })),
      submitReport(store, req({ submissionId: 'form-2' })),
    ]);
    expect(both.map((b) => b.status).sort()).toEqual(['duplicate', 'stored']);
    expect(await store.reports()).toHaveLength(2);
  });

  test('the form id is scoped to the person: two owners reusing one formId both get their own report stored', async () => {
    const { store, req } = await setup();
    await store.setOwners('4263', [personOf(ANA), personOf(LUIS)], personOf(ANA), NOW.toISOString());
    const ana = await submitReport(store, req({ submissionId: 'shared-form-id' }));
    const luis = await submitReport(
      store,
      req({ actor: LUIS, submissionId: 'shared-form-id', input: { ...input, value: '0,35' } }),
    );
    expect(ana.status).toBe('stored');
    expect(luis.status).toBe('stored');
    if (luis.status !== 'stored') return;
    expect(luis.record).toMatchObject({ author: { id: 'aad-luis' }, value: 0.35, version: 2 });
    expect((await store.reports()).map((r) => [r.author.id, r.value])).toEqual([
      ['aad-ana', 0.3],
      ['aad-luis', 0.35],
    ]);
    // and each one's repeat is still a repeat of their own
    const again = await submitReport(store, req({ actor: LUIS, submissionId: 'shared-form-id' }));
    expect(again).toMatchObject({ status: 'duplicate', record: { author: { id: 'aad-luis' } } });
    // a key stored before keys were scoped (the bare form id) is a repeat only for its own author
    await store.appendReport(
      { indicatorId: '4263', period: '2025-05', value: 0.2, logros: 'l', dificultades: '', evidencia: '' },
      personOf(ANA),
      {
        source: 'teams',
        submissionId: 'old-form',
        at: NOW.toISOString(),
      },
    );
    expect((await submitReport(store, req({ submissionId: 'old-form' }))).status).toBe('duplicate');
    expect((await submitReport(store, req({ actor: LUIS, submissionId: 'old-form' }))).status).toBe('stored');
  });

  test('a second report of the month is a correction: version 2, audited with before/after', async () => {
    const { store, req } = await setup();
    await submitReport(store, req());
    const r = await submitReport(store, req({ submissionId: 'form-2', input: { ...input, value: '0,35' } }));
    expect(r.status).toBe('stored');
    if (r.status !== 'stored') return;
    expect(r.correction).toBe(true);
    expect(r.record.version).toBe(2);
    const audit = await store.audit({ target: 'report:4263:2025-06' });
    expect(audit.map((e) => e.action)).toEqual(['report.create', 'report.correct']);
    expect((audit[1].before as { value: number }).value).toBe(0.3);
    expect((audit[1].after as { value: number }).value).toBe(0.35);
  });

  test('not an owner, unknown indicator: refused, nothing stored', async () => {
    const { store, req } = await setup();
    const r1 = await submitReport(store, req({ actor: LUIS }));
    expect(r1.status).toBe('forbidden');
    expect(r1.status === 'forbidden' && r1.message).toBe(
      'Usted no es responsable del indicador 4263: solo sus responsables y la Oficina Asesora de Planeación pueden reportarlo.',
    );
    const r2 = await submitReport(store, req({ input: { ...input, indicatorId: '4075' } }));
    expect(r2.status).toBe('forbidden');
    const r3 = await submitReport(store, req({ input: { ...input, indicatorId: '9999' }, lang: 'en' }));
    expect(r3).toMatchObject({ status: 'unknown-indicator', message: 'Indicator “9999” does not exist in the plan.' });
    const r4 = await submitReport(store, req({ input: { ...input, indicatorId: undefined } }));
    expect(r4.status).toBe('invalid');
    expect(await store.reports()).toHaveLength(0);
  });

  test('admins report for any indicator; invalid input stores nothing', async () => {
    const { store, req } = await setup();
    const r = await submitReport(
      store,
      req({ actor: LUIS, isAdmin: true, input: { ...input, indicatorId: '4075', value: '3' } }),
    );
    expect(r.status).toBe('stored');
    const bad = await submitReport(store, req({ submissionId: 'form-9', input: { ...input, value: '-1' } }));
    expect(bad.status).toBe('invalid');
    expect(bad.status === 'invalid' && bad.errors.map((e) => e.code)).toEqual(['negative']);
    expect(await store.reports()).toHaveLength(1);
  });
});

describe('ownership', () => {
  test('people match by AAD id, id or e-mail, case-insensitively', () => {
    expect(samePerson({ id: 'AAD-ANA' }, { id: 'x', aadObjectId: 'aad-ana' })).toBe(true);
    expect(
      isOwner([{ id: 'ana@x.gov.co', name: 'ana', email: 'ana@x.gov.co' }], { id: 'aad-ana', email: 'Ana@X.gov.co' }),
    ).toBe(true);
    expect(isOwner([{ id: 'ana@x.gov.co', name: 'ana', email: 'ana@x.gov.co' }], { id: 'aad-ana' })).toBe(false);
    expect(mayReport([], { id: 'z' }, true)).toBe(true);
    expect(personOf({ id: 'aad-ana', aadObjectId: 'aad-ana', name: ' Ana ', email: 'ANA@X.CO' })).toEqual({
      id: 'aad-ana',
      name: 'Ana',
      email: 'ana@x.co',
    });
  });

  test('the look-up index follows the store as it grows', async () => {
    const { store, req } = await setup();
    expect(reportLookup(await store.reports()).bySubmission('form-1')).toBeUndefined();
    await submitReport(store, req());
    const lookup = reportLookup(await store.reports());
    expect(lookup.bySubmission('aad-ana:form-1')?.value).toBe(0.3);
    expect(lookup.ofIndicator('4263')).toHaveLength(1);
    expect((await store.reportBySubmission('aad-ana:form-1'))?.value).toBe(0.3);
  });
});
