import { computePlan } from '../../src/progress/engine';
import { composeDigest } from '../../src/digest/compose';
import { digestCard } from '../../src/views/digest-cards';
import { tabView } from '../../src/views/tab-view';
import type { Person } from '../../src/domain/records';
import type { Lang } from '../../src/views/format';
import { report } from '../helpers/reports';
import { textOf, thePlan } from './helpers';

/**
 * Issue 28: an owner known only by the e-mail an admin assigned is never shown by the address to the people who read
 * the weekly digest (a channel) or the dashboard tab: they read «responsable por confirmar» / «owner to be confirmed».
 * A named owner reads by name.
 */

const BY_EMAIL: Person = {
  id: 'ana.perez@secretariageneral.gov.co',
  name: 'ana.perez@secretariageneral.gov.co',
  email: 'ana.perez@secretariageneral.gov.co',
};
const NAMED: Person = { id: 'aad-luis', name: 'Luis Gómez', email: 'luis.gomez@secretariageneral.gov.co' };
const owners: Record<string, Person[]> = { '4263': [BY_EMAIL], '4236': [NAMED] };
const figures = computePlan(thePlan(), [report('4234', '2025-05', 1)], { year: 2025, asOf: '2025-07-07' });
const placeholder = { es: 'responsable por confirmar', en: 'owner to be confirmed' };

test.each(['es', 'en'] as Lang[])('the weekly digest names owners, never by e-mail (%s)', (lang) => {
  const model = composeDigest({
    plan: thePlan(),
    figures,
    previous: null,
    reportsSince: [],
    owners: (id) => owners[id] ?? [],
    lang,
    now: new Date('2025-07-07T13:00:00Z'),
  });
  const text = textOf(digestCard(model, { lang }));
  expect(text).toContain(placeholder[lang]);
  expect(text).toContain('Luis Gómez');
  expect(text).not.toContain('@');
});

test.each(['es', 'en'] as Lang[])('the dashboard tab names owners, never by e-mail (%s)', (lang) => {
  const view = tabView({ figures, owners, mine: null, lang });
  const rows = view.objectives.flatMap((o) => o.indicators);
  expect(rows.find((r) => r.id === '4263')?.owner).toBe(placeholder[lang]);
  expect(rows.find((r) => r.id === '4236')?.owner).toBe('Luis Gómez');
  expect(JSON.stringify(view)).not.toContain('@');
});
