import { loadPlan } from '../../src/plan/load';
import { createUnderstanding } from '../../src/language';

const u = createUnderstanding(loadPlan());

describe('official outputs in chat: exportar seguimiento, cumplimiento', () => {
  test.each([
    ['exportar', 'export-followup', 'es'],
    ['exportar seguimiento', 'export-followup', 'es'],
    ['exportar seguimiento T2 2025', 'export-followup', 'es'],
    ['Exportar el seguimiento del segundo trimestre', 'export-followup', 'es'],
    ['export follow-up Q2 2025', 'export-followup', 'en'],
    ['cumplimiento', 'compliance', 'es'],
    ['cumplimiento de reportes 2025', 'compliance', 'es'],
    ['reporting compliance', 'compliance', 'en'],
  ])('«%s» → %s (%s)', (text, intent, lang) => {
    const r = u.understand(text);
    expect([r.intent, r.lang]).toEqual([intent, lang]);
  });

  test('«cumplimiento» naming an objective or an indicator still asks for figures', () => {
    expect(u.understand('cumplimiento del objetivo 5').intent).toBe('objective-status');
    expect(u.understand('cumplimiento servicios administrativos transporte cafetería').intent).toBe('indicator-detail');
    expect(u.understand('reportar avance 4263').intent).toBe('report-start');
  });
});
