import { createMemoryStore } from '../../src/store/memory';
import { alice, input, storeContract } from './contract';

storeContract('memory', async () => ({ store: createMemoryStore() }));

describe('createMemoryStore(init)', () => {
  test('starts from the given state and continues version numbering', async () => {
    const seed = createMemoryStore();
    const first = await seed.appendReport(input('4263', '2025-06', 1), alice, {
      source: 'teams',
      submissionId: 'x',
      at: '2025-06-01T00:00:00Z',
    });
    const store = createMemoryStore({ reports: [first.record], owners: { '4263': [alice] }, admins: [alice] });
    expect(await store.reports()).toEqual([first.record]);
    expect(await store.owners('4263')).toEqual([alice]);
    expect(await store.admins()).toEqual([alice]);
    expect(
      (await store.appendReport(input('4263', '2025-06', 2), alice, { source: 'teams', at: '2025-06-02T00:00:00Z' }))
        .record.version,
    ).toBe(2);
    expect(
      (
        await store.appendReport(input('4263', '2025-06', 2), alice, {
          source: 'teams',
          submissionId: 'x',
          at: '2025-06-02T00:00:00Z',
        })
      ).duplicate,
    ).toBe(true);
  });
});
