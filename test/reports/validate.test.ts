import { loadPlan } from '../../src/plan/load';
import { parseNow } from '../../src/calendar';
import {
  validateReport,
  normalizePeriod,
  isHttpsUrl,
  type RawReport,
  type ValidationContext,
} from '../../src/reports/validate';
import { report } from '../helpers/reports';

const plan = loadPlan();
const NOW = parseNow('2025-07-03')!;

const base: RawReport = {
  indicatorId: '4263',
  period: '2025-06',
  value: '0,3',
  logros: 'Se publicó la nueva versión del portal de trámites',
  dificultades: '',
  evidencia: 'https://intranet.secretariageneral.gov.co/pei/4263/junio',
};

function check(over: RawReport = {}, ctx: Partial<ValidationContext> = {}) {
  return validateReport({ ...base, ...over }, { plan, now: NOW, existing: [], lang: 'es', ...ctx });
}

function errorsOf(over: RawReport = {}, ctx: Partial<ValidationContext> = {}) {
  const r = check(over, ctx);
  if (r.ok) return [];
  return r.errors.map((e) => `${e.field}:${e.code}`);
}

function messageOf(over: RawReport, ctx: Partial<ValidationContext> = {}): string {
  const r = check(over, ctx);
  if (r.ok) throw new Error('expected errors');
  return r.errors.map((e) => e.message).join(' | ');
}

describe('validateReport', () => {
  test('a valid report: canonical values, warnings for nothing', () => {
    const r = check();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({
      indicatorId: '4263',
      period: '2025-06',
      value: 0.3,
      logros: 'Se publicó la nueva versión del portal de trámites',
      dificultades: '',
      evidencia: 'https://intranet.secretariageneral.gov.co/pei/4263/junio',
    });
    expect(r.warnings).toEqual([]);
  });

  test('texts are trimmed and CRLF unified; control characters dropped', () => {
    const r = check({ logros: '  Línea uno\r\nLínea dos\u0007  ', dificultades: ' \t ' });
    expect(r.ok && r.value.logros).toBe('Línea uno\nLínea dos');
    expect(r.ok && r.value.dificultades).toBe('');
  });

  describe('indicator', () => {
    test('required and must exist (es/en)', () => {
      expect(errorsOf({ indicatorId: '' })).toContain('indicatorId:required');
      expect(errorsOf({ indicatorId: '9999' })).toContain('indicatorId:unknown');
      expect(messageOf({ indicatorId: '9999' })).toContain('El indicador «9999» no existe en el plan');
      expect(messageOf({ indicatorId: '9999' }, { lang: 'en' })).toContain(
        'Indicator “9999” does not exist in the plan',
      );
    });
    test('project ids are matched case-insensitively', () => {
      const r = check({ indicatorId: '8116-m3', value: '1' });
      expect(r.ok && r.value.indicatorId).toBe('8116-M3');
    });
  });

  describe('period', () => {
    test('format YYYY-MM', () => {
      expect(errorsOf({ period: 'junio' })).toEqual(['period:format']);
      expect(messageOf({ period: '2025-13' })).toMatch(/no es un mes válido: use la forma AAAA-MM/);
      expect(messageOf({ period: 'June' }, { lang: 'en' })).toMatch(/is not a valid month: use YYYY-MM/);
      expect(errorsOf({ period: '' })).toEqual(['period:required']);
      expect(normalizePeriod('06/2025')).toBe('2025-06');
      expect(normalizePeriod('2025-6')).toBe('2025-06');
    });
    test('inside the plan years', () => {
      expect(errorsOf({ period: '2023-12' })).toEqual(['period:outside-plan']);
      expect(messageOf({ period: '2023-12' })).toBe(
        'El mes debe estar dentro del plan: de enero de 2024 a diciembre de 2027.',
      );
      expect(messageOf({ period: '2028-01' }, { lang: 'en' })).toBe(
        'The month must be within the plan: January 2024 to December 2027.',
      );
    });
    test('no future month; the current month is accepted with a warning', () => {
      expect(errorsOf({ period: '2025-08' })).toEqual(['period:future']);
      expect(messageOf({ period: '2025-08' })).toBe(
        'Agosto de 2025 todavía no ha llegado: el último mes que se puede reportar es julio de 2025.',
      );
      expect(messageOf({ period: '2025-08' }, { lang: 'en' })).toBe(
        'August 2025 has not come yet: the latest month you can report is July 2025.',
      );
      const r = check({ period: '2025-07' });
      expect(r.ok).toBe(true);
      expect(r.warnings.map((w) => w.code)).toEqual(['current-month']);
      expect(r.warnings[0].message).toMatch(/Julio de 2025 aún no ha cerrado/);
    });
    test('a closed year: refused for owners, a flagged correction for admins', () => {
      const old = { period: '2024-12', value: '0,1' };
      expect(errorsOf(old)).toEqual(['period:closed-year']);
      expect(messageOf(old)).toMatch(
        /^La vigencia 2024 ya está cerrada \(el plazo del reporte de diciembre venció el \d+ de enero de 2025\): solo la Oficina Asesora de Planeación puede corregirla\.$/,
      );
      expect(messageOf(old, { lang: 'en' })).toMatch(/^Year 2024 is closed/);
      const admin = check(old, { isAdmin: true });
      expect(admin.ok).toBe(true);
      expect(admin.warnings.map((w) => w.code)).toEqual(['closed-year']);
      // early January: the December report of the year before is still open
      expect(check({ period: '2024-12', value: '0,1' }, { now: parseNow('2025-01-03')! }).ok).toBe(true);
    });
  });

  describe('value', () => {
    test('formats of both languages, with the reason when unreadable', () => {
      expect(
        check({ indicatorId: '8118-M3', value: '1.500,5', logros: 'Unidades documentales puestas al servicio' }).ok,
      ).toBe(true);
      expect(errorsOf({ value: 'abc' })).toEqual(['value:not-a-number']);
      expect(messageOf({ value: 'abc' })).toBe(
        '«abc» no es un número. Escriba, por ejemplo, 1.500,5 · 0,25 · 75\u00a0%.',
      );
      expect(messageOf({ value: 'abc' }, { lang: 'en' })).toBe(
        '“abc” is not a number. Type, for example, 1,500.5 · 0.25 · 75%.',
      );
      expect(errorsOf({ value: '' })).toEqual(['value:required']);
      expect(messageOf({ value: '' })).toBe('Escriba el valor alcanzado.');
      expect(errorsOf({ value: 'NaN' })).toEqual(['value:not-a-number']);
      expect(errorsOf({ value: 'Infinity' })).toEqual(['value:not-a-number']);
      expect(errorsOf({ value: '1.2.3' })).toEqual(['value:bad-grouping']);
      expect(messageOf({ value: '1.2.3' })).toMatch(/los miles van en grupos de tres/);
      expect(messageOf({ indicatorId: '8118-M3', value: '1,500' })).toBe(
        '«1,500» es ambiguo: escriba 1500 si son miles, o 1,5 si lleva decimales.',
      );
      expect(messageOf({ indicatorId: '8118-M3', value: '1,500' }, { lang: 'en' })).toMatch(
        /“1,500” is ambiguous .* type 1500 for the whole number, or 1.5 for a decimal value/,
      );
      expect(errorsOf({ value: '0,1234567' })).toEqual(['value:too-many-decimals']);
    });
    test('percents are fractions', () => {
      const r = check({ value: '30%' });
      expect(r.ok && r.value.value).toBe(0.3);
      const p = check({ indicatorId: 'O10-1', value: '94', logros: 'Servicios prestados a tiempo' });
      expect(p.ok && p.value.value).toBe(0.94);
      const q = check({ indicatorId: 'O10-1', value: '0,94', logros: 'Servicios prestados a tiempo' });
      expect(q.ok && q.value.value).toBe(0.94);
    });
    test('negative values', () => {
      expect(errorsOf({ value: '-1' })).toEqual(['value:negative']);
      expect(messageOf({ value: '-1' })).toBe('El valor no puede ser negativo.');
      expect(messageOf({ value: '-1' }, { lang: 'en' })).toBe('The value cannot be negative.');
    });
    test('absurd values: above 100 %, more than 10x the year target, a Suma month above the four-year total', () => {
      expect(errorsOf({ indicatorId: 'O10-1', value: '150%' })).toEqual(['value:over-100']);
      expect(messageOf({ indicatorId: 'O10-1', value: '150%' })).toBe(
        'El valor (150\u00a0%) supera el 100\u00a0%: revise el porcentaje.',
      );
      expect(messageOf({ indicatorId: 'O10-1', value: '150%' }, { lang: 'en' })).toBe(
        'The value (150%) is above 100%: check the percentage.',
      );
      expect(errorsOf({ value: '5' })).toEqual(['value:absurd-target']);
      expect(messageOf({ value: '5' })).toBe(
        'El valor (5) es más de 10 veces la meta 2025 (0,4): revise el número y su unidad.',
      );
      expect(messageOf({ value: '5' }, { lang: 'en' })).toBe(
        'The value (5) is more than 10 times the 2025 target (0.4): check the number and its unit.',
      );
      expect(errorsOf({ indicatorId: '4075', value: '70' })).toEqual(['value:absurd-total']);
      expect(messageOf({ indicatorId: '4075', value: '70' })).toBe(
        'Un avance de 70 en un solo mes supera la meta de todo el cuatrienio (64): revise el número.',
      );
      expect(messageOf({ indicatorId: '4075', value: '70' }, { lang: 'en' })).toMatch(
        /^Progress of 70 in a single month is more than the whole four-year target \(64\)/,
      );
    });
  });

  describe('explanations in dificultades', () => {
    test('a zero advance needs dificultades', () => {
      expect(errorsOf({ indicatorId: '4075', value: '0' })).toEqual(['dificultades:zero-unexplained']);
      expect(messageOf({ indicatorId: '4075', value: '0' })).toBe(
        'Un avance de 0 requiere explicar las dificultades en «Dificultades, soluciones o justificación» (mínimo 10 caracteres).',
      );
      expect(messageOf({ indicatorId: '4075', value: '0' }, { lang: 'en' })).toMatch(
        /^A progress of 0 needs the difficulties explained/,
      );
      expect(errorsOf({ indicatorId: '4075', value: '0', dificultades: 'corto' })).toEqual([
        'dificultades:zero-unexplained',
      ]);
      expect(
        check({ indicatorId: '4075', value: '0', dificultades: 'La firma del convenio se aplazó a agosto' }).ok,
      ).toBe(true);
    });
    test('over-execution needs a justification (Suma: the year so far plus this month)', () => {
      const existing = [report('4075', '2025-04', 10), report('4075', '2025-05', 5), report('4075', '2024-12', 20)];
      expect(check({ indicatorId: '4075', value: '2' }, { existing }).ok).toBe(true); // 17 = the target
      expect(errorsOf({ indicatorId: '4075', value: '3' }, { existing })).toEqual([
        'dificultades:over-execution-unjustified',
      ]);
      expect(messageOf({ indicatorId: '4075', value: '3' }, { existing })).toBe(
        'Con este reporte el ejecutado de 2025 (18) supera la meta (17): justifique la sobre-ejecución en «Dificultades, soluciones o justificación» (mínimo 10 caracteres).',
      );
      expect(messageOf({ indicatorId: '4075', value: '3' }, { existing, lang: 'en' })).toMatch(
        /^With this report the 2025 executed value \(18\) exceeds the target \(17\)/,
      );
      // a correction of May replaces May's value in the sum
      expect(check({ indicatorId: '4075', period: '2025-05', value: '7' }, { existing }).ok).toBe(true);
      expect(
        check(
          { indicatorId: '4075', value: '3', dificultades: 'Se firmó un convenio adicional con la OEA' },
          { existing },
        ).ok,
      ).toBe(true);
    });
    test('over-execution of a level (Creciente)', () => {
      expect(errorsOf({ value: '0,5' })).toEqual(['dificultades:over-execution-unjustified']);
      expect(check({ value: '0,5', dificultades: 'Se adelantó la fase 3 del portal' }).ok).toBe(true);
    });
    test('a Creciente level below the previous report needs an explanation', () => {
      const existing = [report('4263', '2025-05', 0.35), report('4263', '2025-07', 0.1)];
      expect(errorsOf({ value: '0,3' }, { existing })).toEqual(['dificultades:level-drop']);
      expect(messageOf({ value: '0,3' }, { existing })).toBe(
        'El nivel baja respecto al reporte de mayo de 2025 (0,35 → 0,3): explique la razón en «Dificultades, soluciones o justificación» (mínimo 10 caracteres).',
      );
      expect(messageOf({ value: '0,3' }, { existing, lang: 'en' })).toMatch(
        /^The level drops from the May 2025 report \(0.35 → 0.3\)/,
      );
      expect(check({ value: '0,3', dificultades: 'Se retiró un módulo que no cumplía' }, { existing }).ok).toBe(true);
      // the latest version of a period counts
      const corrected = [...existing, report('4263', '2025-05', 0.25, { version: 2 })];
      expect(check({ value: '0,3' }, { existing: corrected }).ok).toBe(true);
    });
  });

  describe('texts', () => {
    test('logros required, 10..2000 characters', () => {
      expect(errorsOf({ logros: '' })).toEqual(['logros:required']);
      expect(messageOf({ logros: '' })).toBe('Describa los logros y avances del periodo (mínimo 10 caracteres).');
      expect(messageOf({ logros: '' }, { lang: 'en' })).toBe(
        'Describe the achievements in the period (at least 10 characters).',
      );
      expect(errorsOf({ logros: 'poco' })).toEqual(['logros:too-short']);
      expect(messageOf({ logros: 'poco' })).toBe(
        '«Logros y avances del periodo» es muy corto (4 caracteres): escriba al menos 10.',
      );
      expect(errorsOf({ logros: 'x'.repeat(2001) })).toEqual(['logros:too-long']);
      expect(messageOf({ logros: 'x'.repeat(2001) })).toBe(
        '«Logros y avances del periodo» tiene 2.001 caracteres: el máximo es 2.000.',
      );
      expect(messageOf({ logros: 'x'.repeat(2001) }, { lang: 'en' })).toBe(
        '“Achievements in the period” has 2,001 characters: the maximum is 2,000.',
      );
      expect(check({ logros: 'ñ'.repeat(2000) }).ok).toBe(true);
      expect(check({ logros: '😀'.repeat(2000) }).ok).toBe(true); // characters, not UTF-16 units
    });
    test('dificultades at most 2000', () => {
      expect(errorsOf({ dificultades: 'x'.repeat(2001) })).toEqual(['dificultades:too-long']);
    });
    test('evidencia: required https link of at most 500 characters', () => {
      expect(errorsOf({ evidencia: '' })).toEqual(['evidencia:required']);
      expect(errorsOf({ evidencia: 'http://intranet.gov.co/x' })).toEqual(['evidencia:not-https']);
      expect(errorsOf({ evidencia: 'carpeta compartida' })).toEqual(['evidencia:not-https']);
      expect(errorsOf({ evidencia: 'javascript:alert(1)' })).toEqual(['evidencia:not-https']);
      expect(messageOf({ evidencia: 'ftp://x.gov.co' })).toBe(
        'La evidencia debe ser un enlace https:// válido (por ejemplo https://intranet…/carpeta).',
      );
      expect(messageOf({ evidencia: 'ftp://x.gov.co' }, { lang: 'en' })).toBe(
        'The evidence must be a valid https:// link (for example https://intranet…/folder).',
      );
      expect(errorsOf({ evidencia: `https://x.gov.co/${'a'.repeat(500)}` })).toEqual(['evidencia:too-long']);
      expect(check({ evidencia: '' }, { requireEvidence: false }).ok).toBe(true);
      expect(isHttpsUrl('https://sgbogota.sharepoint.com/sites/pei/Documentos%20compartidos/4263')).toBe(true);
      expect(isHttpsUrl('https://user:pw@x.gov.co')).toBe(false);
    });
  });

  test('a correction is a warning, naming the version it becomes', () => {
    const r = check({}, { existing: [report('4263', '2025-06', 0.25)] });
    expect(r.ok).toBe(true);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'Ya había un reporte de junio de 2025 (v1, valor 0,25): este queda como corrección v2.',
    ]);
  });

  test('every error at once, in form order', () => {
    expect(
      errorsOf({ indicatorId: '4263', period: '2030-01', value: 'x', logros: '', evidencia: 'http://a.b' }),
    ).toEqual(['period:outside-plan', 'value:not-a-number', 'logros:required', 'evidencia:not-https']);
  });
});
