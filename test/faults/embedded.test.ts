import { copyFileSync, renameSync, rmSync } from 'node:fs';
import { startTestBot, type TestBot } from '../helpers/bot';
import { execute, ADMIN } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import { FORM_ENTRIES_4263 } from '../helpers/reports';
import { storeFiles } from '../../src/store/lowdb-store';

/**
 * The embedded store's files removed or replaced under a running bot (a cleanup, a restore copied over it): the bot
 * notices before its next write, refuses it with a message that says nothing was stored and what to do, and
 * /healthz answers 503 with a short reason; it never confirms «Reporte registrado» for a report going to unlinked
 * files (lost on restart).
 */

let t: TestBot;
let form = 0;
afterEach(() => t?.stop());

const submitForm = (period: string, locale = 'es-CO') =>
  t.invoke(
    execute(
      t.connector.url,
      'report-submit',
      { formId: `embedded-form-${++form}`, ...FORM_ENTRIES_4263, period },
      { from: ADMIN, locale },
    ),
  );

async function reported(): Promise<number> {
  return (await t.bot.services.store.reports({ indicatorId: '4263' })).length;
}

async function healthyFirst() {
  t = await startTestBot({ PEI_ADMINS: 'aad-admin' });
  const first = await submitForm('2025-05');
  expect(first.status).toBe(200);
  expect(cardText(first.body.value)).toMatch(/Reporte registrado/);
  expect(await t.get('/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
}

async function expectRefused() {
  const refused = await submitForm('2025-06');
  expect(refused.status).toBe(503);
  const text = cardText(refused.body.value);
  expect(text).not.toMatch(/Reporte registrado/);
  expect(text).toMatch(/No se pudo guardar el reporte[\s\S]*no quedó guardado[\s\S]*administrador/);
  expect(await reported()).toBe(1);
  expect(await t.get('/healthz')).toEqual({
    status: 503,
    body: { status: 'unavailable', reason: 'los archivos del almacén fueron borrados o reemplazados; reinicie el bot' },
  });
  expect(await t.get('/healthz', { 'Accept-Language': 'en' })).toEqual({
    status: 503,
    body: { status: 'unavailable', reason: "the store's files were removed or replaced; restart the bot" },
  });
  // In English too, and the refusal holds (it does not pass once the first refusal was said).
  const english = await submitForm('2025-04', 'en-US');
  expect(english.status).toBe(503);
  expect(cardText(english.body.value)).toMatch(/your report was not saved/);
}

test('the files removed under the running bot: writes refused with the message, /healthz 503', async () => {
  await healthyFirst();
  const files = storeFiles(t.dbFile);
  rmSync(files.journal);
  rmSync(files.doc);
  await expectRefused();
});

test('the journal replaced by another file under the running bot: writes refused, /healthz 503', async () => {
  await healthyFirst();
  const files = storeFiles(t.dbFile);
  copyFileSync(files.journal, `${files.journal}.copy`);
  renameSync(`${files.journal}.copy`, files.journal); // same bytes, another file: the bot's appends would be lost
  await expectRefused();
});
