import { startTestBot, type TestBot } from '../helpers/bot';
import { StandInConnector } from '../helpers/connector';
import { message } from '../helpers/activities';
import { cardText } from '../helpers/conversation';

/**
 * Over HTTP, turns that alternate between two regions' service URLs each get their reply from their own one, every
 * time.
 */

describe('the adapter answers through the service URL of each activity', () => {
  let t: TestBot;
  let other: StandInConnector;
  beforeAll(async () => {
    t = await startTestBot();
    other = await new StandInConnector().start();
  });
  afterAll(async () => {
    await t.stop();
    await other.stop();
  });

  test('replies go to the service URL of their own activity, turn after turn', async () => {
    const order = [t.connector, other, t.connector, t.connector, other, other, t.connector];
    for (const [i, connector] of order.entries()) {
      expect(await t.send(message(connector.url, `¿cómo va el objetivo ${1 + (i % 10)}?`))).toBe(200);
    }
    const titles = (c: StandInConnector) => c.cards().map((card) => cardText(card).match(/Objetivo \d+/)?.[0]);
    expect(titles(t.connector)).toEqual(['Objetivo 1', 'Objetivo 3', 'Objetivo 4', 'Objetivo 7']);
    expect(titles(other)).toEqual(['Objetivo 2', 'Objetivo 5', 'Objetivo 6']);
  });
});
