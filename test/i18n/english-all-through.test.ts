import { startTestBot, type TestBot } from '../helpers/bot';
import { message, installed, ANA, LUIS } from '../helpers/activities';
import { cardText } from '../helpers/conversation';
import type { Person } from '../../src/domain/records';
import { parseNow } from '../../src/calendar';

/**
 * Issue 13, point 2 — a reader who writes English gets English everywhere, over the real server (teams-ai app,
 * lowdb store, stand-in Bot Connector, the scheduler's tick on a fake clock). The client's locale stays es-CO in
 * these messages, so it is the words that decide.
 */

const ANA_KEY = 'a:personal-aad-ana';
const LUIS_KEY = 'a:personal-aad-luis';
const ADMIN_PERSON: Person = { id: 'aad-admin', name: 'Oficina de Planeación' };
const ANA_PERSON: Person = { id: 'aad-ana', name: 'Ana Pérez' };
const LUIS_PERSON: Person = { id: 'aad-luis', name: 'Luis Gómez' };

/** The last activity the bot posted to a conversation. */
const lastTo = (t: TestBot, key: string) => t.connector.activities(key).at(-1);
const cardOf = (a: any) => a?.attachments?.[0]?.content;

describe('English all through', () => {
  let t: TestBot;
  afterEach(async () => {
    await t?.stop();
  });

  test("the notification preview (summary) of an answer is in the reader's language", async () => {
    t = await startTestBot({ PEI_NOW: '2025-07-03T10:00' });
    const url = t.connector.url;
    const cases: [string, string][] = [
      ['how is objective 5 doing?', 'Objective 5'],
      ['show me indicator 4263', 'Indicator 4263'],
      ['how is the whole plan doing?', 'Plan'],
      ['how is objective 5 calculated?', 'Objective 5'],
      ['¿cómo va el objetivo 5?', 'Objetivo 5'],
      ['muéstrame el indicador 4263', 'Indicador 4263'],
    ];
    for (const [text, summary] of cases) {
      expect(await t.send(message(url, text, { locale: 'es-CO' }))).toBe(200);
      const a = lastTo(t, ANA_KEY);
      expect({ text, summary: a.summary }).toEqual({ text, summary });
    }
    // The English answers' cards are English too.
    const objective = t.connector.activities(ANA_KEY)[0];
    expect(cardText(cardOf(objective))).toContain('Objective 5');
    expect(cardText(cardOf(objective))).not.toContain('Objetivo 5');
  });

  test('the language kept per person is the one their words last told ("4263" tells none)', async () => {
    t = await startTestBot({ PEI_NOW: '2025-07-03T10:00' });
    const url = t.connector.url;
    const kept = async () => (await t.bot.services.store.conversations()).find((c) => c.key === ANA_KEY)?.lang;
    await t.send(installed(url, { kind: 'personal' }, ANA));
    expect(await kept()).toBeUndefined();
    await t.send(message(url, 'show me indicator 4263'));
    expect(await kept()).toBe('en');
    await t.send(message(url, '4263'));
    expect(await kept()).toBe('en');
    await t.send(message(url, 'muéstrame el indicador 4263'));
    expect(await kept()).toBe('es');
  });

  test('the apology for a failed turn speaks the language of the message', async () => {
    t = await startTestBot({ PEI_NOW: '2025-07-03T10:00' });
    const url = t.connector.url;
    t.bot.services.status.figures = () => {
      throw new Error('the figures are unavailable (test)');
    };
    await t.send(message(url, 'how is objective 5 doing?'));
    expect(lastTo(t, ANA_KEY).text).toBe('Sorry, something went wrong on my side. Please try again in a moment.');
    await t.send(message(url, '¿cómo va el objetivo 5?'));
    expect(lastTo(t, ANA_KEY).text).toBe('Lo siento, algo falló de mi lado. Por favor intente de nuevo en un momento.');
  });

  test('errors are in English for an English reader: an unknown indicator, a refused admin command', async () => {
    t = await startTestBot({ PEI_NOW: '2025-07-03T10:00' });
    const url = t.connector.url;
    await t.send(message(url, 'show me indicator 9999'));
    const unknown = cardText(cardOf(lastTo(t, ANA_KEY)));
    expect(unknown).toContain('9999');
    expect(unknown).not.toMatch(/indicador|no existe|objetivo/i);
    await t.send(message(url, 'owners of 4263 add luis@example.gov.co'));
    const refused = cardText(cardOf(lastTo(t, ANA_KEY)));
    expect(refused).toMatch(/planning office|admin/i);
    expect(refused).not.toMatch(/Oficina Asesora|solo la|administrador/i);
  });

  test("the welcome uses the client's locale: en-US gets English, es-CO Spanish", async () => {
    t = await startTestBot({ PEI_NOW: '2025-07-03T10:00' });
    const url = t.connector.url;
    await t.send({ ...installed(url, { kind: 'personal' }, ANA), locale: 'en-US' });
    const en = lastTo(t, ANA_KEY);
    expect(en.summary).toBe('Welcome');
    expect(cardText(cardOf(en))).toContain("Hi! I'm the PEI bot");
    await t.send({ ...installed(url, { kind: 'personal' }, LUIS), locale: 'es-CO' });
    const es = lastTo(t, LUIS_KEY);
    expect(es.summary).toBe('Bienvenida');
    expect(cardText(cardOf(es))).toContain('¡Hola! Soy el bot del PEI');
  });

  test('reminders and digests go in the language each person last used with the bot', async () => {
    t = await startTestBot({ PEI_NOW: '2025-07-01T10:00' });
    const url = t.connector.url;
    const store = t.bot.services.store;
    await t.send(installed(url, { kind: 'personal' }, ANA));
    await t.send(installed(url, { kind: 'personal' }, LUIS));
    await t.send(message(url, 'subscribe weekly digest', { from: ANA }));
    await t.send(message(url, 'suscribir resumen semanal', { from: LUIS }));
    expect((await store.conversations()).find((c) => c.key === ANA_KEY)?.lang).toBe('en');
    expect((await store.conversations()).find((c) => c.key === LUIS_KEY)?.lang).toBe('es');
    await store.setOwners('4263', [ANA_PERSON], ADMIN_PERSON, '2025-06-01T00:00:00.000Z');
    await store.setOwners('3979', [LUIS_PERSON], ADMIN_PERSON, '2025-06-01T00:00:00.000Z');
    t.connector.clear();

    await t.bot.scheduler.tick(parseNow('2025-07-04T08:00'));
    const anaReminder = lastTo(t, ANA_KEY);
    const luisReminder = lastTo(t, LUIS_KEY);
    expect(cardText(cardOf(anaReminder))).toContain('June 2025');
    expect(cardText(cardOf(anaReminder))).not.toContain('junio');
    expect(anaReminder.summary).not.toMatch(/junio|Faltan|reporte/i);
    expect(cardText(cardOf(luisReminder))).toContain('Faltan 3 días para el plazo del reporte de junio de 2025');

    t.connector.clear();
    await t.bot.scheduler.tick(parseNow('2025-07-07T08:00'));
    const anaDigest = t.connector.cards(ANA_KEY).map(cardText).join('\n');
    const luisDigest = t.connector.cards(LUIS_KEY).map(cardText).join('\n');
    expect(luisDigest).toContain('Resumen semanal del PEI');
    expect(anaDigest).not.toContain('Resumen semanal del PEI');
    expect(anaDigest).toMatch(/PEI weekly digest|Weekly PEI digest/i);
  });
});
