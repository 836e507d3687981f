#!/usr/bin/env node
// The demo's review cycle, written into the demo's temporary store after `import-reports` (scripts/dev.js --demo):
// owners for every indicator the demo reports (their e-mails, from data/demo/reportes-2025.csv) and, for the
// Playground's owner (Andrés Rodríguez, .m365agentsplayground.yml), indicators of his own with a report waiting for
// review, one returned with its reason and one sent late; the planning office (Laura Gómez) reviews them.
// Everything goes through the product's own rules (submitReport, reviewReport), with the clock of each step.
//
//   node scripts/demo-seed.js <store file>     (needs dist/: `npm run demo` builds it first)
'use strict';

const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = (p) => require(join(root, 'dist', 'src', p));

/** The Playground's people (fictitious, as in .m365agentsplayground.yml). */
const LAURA = {
  id: '00000000-0000-0000-0000-000000000020',
  name: 'Laura Gómez',
  email: 'laura.gomez@secretariageneral.example',
};
const ANDRES = {
  id: '00000000-0000-0000-0000-000000000021',
  name: 'Andrés Rodríguez',
  email: 'andres.rodriguez@secretariageneral.example',
};
/** Andrés's indicators: 4263 (objective 5, no report yet: the one he reports in the demo), 4244 and 8110-M3. */
const ANDRES_INDICATORS = ['4263', '4244', '8110-M3'];

async function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node scripts/demo-seed.js <store file>');
  const { openLowdbStore } = dist('store/lowdb-store.js');
  const { loadPlan } = dist('plan/load.js');
  const { submitReport } = dist('reports/submit.js');
  const { reviewReport } = dist('reports/review.js');
  const { personFromEmail } = dist('reports/ownership.js');
  const plan = loadPlan();
  const store = await openLowdbStore(file, { onWarning: () => {} });
  let done = 0;
  let owned = 0;
  try {
    // Owners: whoever signed each indicator's demo reports, by e-mail; Andrés for his three.
    const csv = readFileSync(join(root, 'data', 'demo', 'reportes-2025.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    const byIndicator = new Map();
    for (const line of csv) {
      const cells = line.split(',');
      const email = cells[cells.length - 1].trim();
      byIndicator.set(cells[0], email);
    }
    const at = '2025-01-15T14:00:00.000Z';
    for (const [id, email] of byIndicator) {
      if (ANDRES_INDICATORS.includes(id)) continue;
      const name = email
        .split('@')[0]
        .split('.')
        .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
        .join(' ');
      await store.setOwners(id, [personFromEmail(email, name)], LAURA, at);
      owned += 1;
    }
    for (const id of ANDRES_INDICATORS) {
      await store.setOwners(id, [ANDRES], LAURA, at);
      owned += 1;
    }

    const report = async (indicatorId, period, value, when, extra = {}) => {
      const res = await submitReport(store, {
        plan,
        actor: { ...ANDRES, aadObjectId: ANDRES.id },
        isAdmin: false,
        input: {
          indicatorId,
          period,
          value,
          logros: extra.logros ?? 'Avance del mes según el plan de acción del área.',
          dificultades: extra.dificultades ?? '',
          evidencia: `https://intranet.example/evidencias/${indicatorId}-${period}`,
        },
        now: new Date(when),
        source: 'teams',
        lang: 'es',
      });
      if (res.status !== 'stored')
        throw new Error(`demo report ${indicatorId} ${period}: ${res.status} ${JSON.stringify(res.errors ?? '')}`);
      done += 1;
      return res.record;
    };
    // 4244, May 2025: sent on time, waiting for the planning office's review.
    await report('4244', '2025-05', '30 %', '2025-06-04T15:00:00.000Z', {
      logros: 'Se publicó el primer informe de seguimiento del observatorio.',
    });
    // 8110-M3, April 2025: sent late (its deadline was 8 May), still waiting for review.
    await report('8110-M3', '2025-04', '0,2', '2025-05-27T16:30:00.000Z', {
      logros: 'Se avanzó en la consolidación de la información de gestión documental.',
    });
    // 8110-M3, June 2025: returned by the planning office, with its reason.
    const returned = await report('8110-M3', '2025-06', '0,35', '2025-07-02T13:00:00.000Z', {
      logros: 'Se completó la organización de los archivos de gestión.',
    });
    const review = await reviewReport(store, {
      plan,
      actor: { ...LAURA, aadObjectId: LAURA.id },
      isAdmin: true,
      reportId: returned.id,
      decision: 'devuelto',
      note: 'Falta el acta de entrega en la evidencia: adjúntela y envíe de nuevo el reporte.',
      now: new Date('2025-07-02T20:00:00.000Z'),
    });
    if (review.status !== 'reviewed') throw new Error(`demo review: ${review.status}`);
  } finally {
    await store.close();
  }
  process.stdout.write(
    `Responsables asignados a ${owned} indicadores; ${done} reportes de ${ANDRES.name}: 2 por revisar (1 tarde), 1 devuelto.\n`,
  );
}

main().catch((e) => {
  process.stderr.write(`${e && e.message ? e.message : e}\n`);
  process.exit(1);
});
