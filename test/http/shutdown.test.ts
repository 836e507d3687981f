import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StandInConnector } from '../helpers/connector';
import { message } from '../helpers/activities';
import { spawnBot, freePort } from '../helpers/child';
import { startTestBot } from '../helpers/bot';

/** Graceful shutdown: the turn in flight finishes, the store is flushed, new requests are turned away. */

test('SIGTERM lets the turn in flight finish and exits 0', async () => {
  const connector = await new StandInConnector().start();
  connector.hold(); // the reply call keeps the turn in flight until the bot has begun to stop
  const dir = mkdtempSync(join(tmpdir(), 'pei-stop-'));
  const bot = await spawnBot({ PEI_DB_FILE: join(dir, 'db.json'), PEI_NOW: '2025-07-03' }, await freePort());
  try {
    const inFlight = fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(message(connector.url, 'objetivo 5')),
    });
    await connector.waitForHeld(1); // the turn is in flight: its reply waits in the connector
    bot.proc.kill('SIGTERM');
    await bot.waitForOutput(/SIGTERM recibido/); // stopping, with the turn still in flight
    connector.release();
    const res = await inFlight;
    expect(res.status).toBe(200);
    const { code } = await bot.exited;
    expect(code).toBe(0);
    expect(connector.cards()).toHaveLength(1);
    expect(bot.output()).toMatch(/SIGTERM recibido/);
    expect(bot.output()).toMatch(/Detenido/);
    await expect(fetch(`${bot.url}/healthz`)).rejects.toThrow();
  } finally {
    bot.proc.kill('SIGKILL');
    await connector.stop();
  }
});

test('in process: stop() waits for the turn in flight and /healthz says shutting-down meanwhile', async () => {
  const t = await startTestBot();
  t.connector.hold();
  const pending = t.send(message(t.connector.url, 'plan'));
  await t.connector.waitForHeld(1); // the turn is in flight: its reply waits in the connector
  const stopping = t.bot.stop();
  const health = await t.get('/healthz').catch(() => ({ status: 0, body: null }));
  expect([503, 0]).toContain(health.status);
  t.connector.release(); // the turn may finish now
  expect(await pending).toBe(200);
  await stopping;
  expect(t.connector.cards()).toHaveLength(1);
  await t.connector.stop();
});
