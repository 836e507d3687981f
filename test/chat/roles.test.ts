import { reportableIndicators } from '../../src/chat/roles';
import { startConversation } from '../helpers/conversation';

/** reportableIndicators is remembered per store revision and reader: any change of owners or admins shows at once. */

const AT = '2025-07-02T15:00:00.000Z';
const planner = { id: 'aad-admin', name: 'Planeación' };
const ana = { id: 'aad-ana', aadObjectId: 'aad-ana', name: 'Ana Pérez' };
const luis = { id: 'aad-luis', aadObjectId: 'aad-luis', name: 'Luis Gómez' };

describe('reportableIndicators', () => {
  test('follows owners and admins, per reader', async () => {
    const { services, store } = startConversation({ now: '2025-07-03' });
    const all = services.plan.objectives.flatMap((o) => o.indicators.map((i) => i.id));
    expect(await reportableIndicators(services, ana)).toEqual([]);
    expect(await reportableIndicators(services, { id: 'aad-admin', aadObjectId: 'aad-admin', name: 'x' })).toEqual(all);

    await store.setOwners('4263', [{ id: 'aad-ana', name: 'Ana Pérez' }], planner, AT);
    expect(await reportableIndicators(services, ana)).toEqual(['4263']);
    expect(await reportableIndicators(services, luis)).toEqual([]);

    await store.setOwners(
      '4075',
      [{ id: 'luis@example.gov.co', name: 'Luis', email: 'luis@example.gov.co' }],
      planner,
      AT,
    );
    expect(await reportableIndicators(services, luis)).toEqual([]); // Teams has not told us his email yet
    expect(await reportableIndicators(services, { ...luis, email: 'luis@example.gov.co' })).toEqual(['4075']);

    await store.addAdmin({ id: 'aad-luis', name: 'Luis Gómez' }, planner, AT);
    expect(await reportableIndicators(services, luis)).toEqual(all);
    await store.removeAdmin('aad-luis', planner, AT);
    expect(await reportableIndicators(services, luis)).toEqual([]);
    await store.setOwners('4263', [], planner, AT);
    expect(await reportableIndicators(services, ana)).toEqual([]);
  });

  test('each caller gets its own list', async () => {
    const { services } = startConversation({ now: '2025-07-03' });
    const admin = { id: 'aad-admin', aadObjectId: 'aad-admin', name: 'x' };
    const first = await reportableIndicators(services, admin);
    first.length = 0;
    expect((await reportableIndicators(services, admin)).length).toBeGreaterThan(0);
  });
});
