import { startConversation, cardsOf, cardText, type Conversation } from '../helpers/conversation';
import { ADMIN } from '../helpers/activities';

/**
 * Issue 24, point 7, what the planning office reads: a correction on the review list shows the value it replaces;
 * the audit names people and indicators (no internal ids) and shows a return's reason; dates in one format.
 */

const OFFICE = { id: 'aad-admin', name: 'Oficina de Planeación' };
const ANA_P = { id: 'aad-ana', name: 'Ana Pérez' };
const REASON = 'La evidencia no muestra el portal publicado en producción.';

let c: Conversation;
beforeEach(async () => {
  c = startConversation({ now: '2025-07-03T10:00' });
  await c.store.setOwners('4263', [ANA_P], OFFICE, '2025-07-01T12:00:00.000Z');
  const input = (value: number, evidencia: string) => ({
    indicatorId: '4263',
    period: '2025-06',
    value,
    logros: 'Portal en pruebas con usuarios',
    dificultades: '',
    evidencia,
  });
  await c.store.appendReport(input(0.3, 'https://intranet.example/portal'), ANA_P, {
    source: 'teams',
    submissionId: 's1',
    review: 'pendiente',
    at: '2025-07-02T15:00:00.000Z',
  });
  await c.say('reportes por revisar', { from: ADMIN });
  await c.click({ verb: 'review-return', reportId: '4263:2025-06:v1', reason: REASON }, { from: ADMIN });
  await c.store.appendReport(input(0.35, 'https://intranet.example/acta'), ANA_P, {
    source: 'teams',
    submissionId: 's2',
    review: 'pendiente',
    at: '2025-07-03T14:00:00.000Z',
  });
});

test('the review list shows what a correction replaces, and its evidence as a link', async () => {
  const [list] = cardsOf(await c.say('reportes por revisar', { from: ADMIN }));
  const text = cardText(list);
  expect(text).toContain('0,35 (antes 0,3 en v1)');
  expect(JSON.stringify(list)).toContain('[Ver evidencia](https://intranet.example/acta)');
  const [en] = cardsOf(await c.say('reports to review', { from: ADMIN, locale: 'en-US' }));
  expect(cardText(en)).toContain('0.35 (was 0.3 in v1)');
});

test('the audit shows names, readable targets and the reason of a return; no internal ids', async () => {
  const [audit] = cardsOf(await c.say('auditoría 4263', { from: ADMIN }));
  const text = cardText(audit);
  expect(text).toContain(`Motivo: «${REASON}»`);
  expect(text).toContain('4263 · junio de 2025 · v1');
  expect(text).toContain('Oficina de Planeación');
  expect(text).toContain('Ana Pérez');
  expect(text).not.toMatch(/owner:|report:|aad-|29:/);
  // One date format on the card: the long date with the time, and months written out.
  expect(text).toMatch(/3 de julio de 2025, \d\d:\d\d/);
  expect(text).not.toMatch(/\b(jun|jul)\. 2025|2025-0\d/);
  const [all] = cardsOf(await c.say('auditoría', { from: ADMIN }));
  expect(cardText(all)).toContain('4263 · Portal web de trámites');
  expect(cardText(all)).not.toMatch(/owner:|report:|aad-/);
});
