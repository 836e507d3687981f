import { buildDigest } from '../../src/digest/run';
import { createStatusService } from '../../src/progress/service';
import { digestCard } from '../../src/views/digest-cards';
import { cardText } from '../helpers/conversation';
import { report } from '../helpers/reports';
import { thePlan, at, memoryStore, ANA } from './fixtures';

/** The weekly digest's compliance line: the year's months on time, late, missing and not yet due, as computed by hand. */

const bogota = (local: string) => new Date(`${local}-05:00`).toISOString();

test('the digest of Monday 16 June 2025 counts the months of 2025 as computed by hand', async () => {
  const plan = thePlan();
  const store = memoryStore({
    owners: { '4263': [ANA] },
    reports: [
      report('4263', '2025-01', 0.05, { reportedAt: bogota('2025-02-07T23:30:00') }), // deadline 7 Feb: on time
      report('4263', '2025-02', 0.1, { reportedAt: bogota('2025-03-10T09:00:00') }), // deadline 7 Mar: late
      report('4263', '2025-04', 0.15, { reportedAt: bogota('2025-05-08T17:59:00') }), // deadline 8 May (1 May holiday): on time
      report('4263', '2025-05', 0.25, { reportedAt: bogota('2025-06-09T15:00:00') }), // deadline 9 Jun (2 Jun holiday): on time
    ],
  });
  const status = createStatusService(plan, store);
  const built = await buildDigest(
    { plan, store, figures: (y, a) => status.figures(y, a) },
    'conv-1',
    at('2025-06-16T08:00'),
    'es',
  );
  const withTarget = plan.objectives.flatMap((o) => o.indicators).filter((i) => i.program[2025] !== 0).length;
  // Five months closed; every other indicator missed all five (the May deadline, 9 June, has passed); 4263 missed March.
  expect(built.model.compliance).toEqual({ year: 2025, onTime: 3, late: 1, missing: withTarget * 5 - 4, open: 0 });
  const es = cardText(digestCard(built.model, { lang: 'es' }));
  expect(es).toContain(
    `Cumplimiento de reportes 2025: 3 meses a tiempo, 1 tarde, ${withTarget * 5 - 4} sin reporte y 0 en plazo`,
  );
  const en = await buildDigest(
    { plan, store, figures: (y, a) => status.figures(y, a) },
    'conv-1',
    at('2025-06-06T08:00'),
    'en',
  );
  // As of 6 June the May report is not due until 9 June: every indicator's May is «not yet due» but 4263's, stored 9 June (not yet).
  expect(en.model.compliance).toEqual({
    year: 2025,
    onTime: 2,
    late: 1,
    missing: withTarget * 4 - 3,
    open: withTarget,
  });
  expect(cardText(digestCard(en.model, { lang: 'en' }))).toContain(
    `Reporting compliance 2025: 2 months on time, 1 late, ${withTarget * 4 - 3} missing and ${withTarget} not yet due`,
  );
});
