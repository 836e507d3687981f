import { readFileSync } from 'fs';
import { join } from 'path';
import { createUnderstanding, languageOf } from '../../src/language';
import type { Understanding } from '../../src/language';
import type { Plan } from '../../src/domain/plan';

const plan: Plan = JSON.parse(readFileSync(join(__dirname, '../../data/plan.json'), 'utf8'));
const nlu = createUnderstanding(plan);

type Expected = Partial<Omit<Understanding, 'text'>>;
const KEYS = [
  'intent',
  'lang',
  'objective',
  'indicatorId',
  'indicatorIds',
  'period',
  'month',
  'year',
  'email',
  'mentionsText',
] as const;

/** Every key checked: what is not expected must be absent. */
function expectExactly(text: string, expected: Expected): void {
  const u = nlu.understand(text);
  const got: Record<string, unknown> = {};
  const want: Record<string, unknown> = {};
  for (const k of KEYS) {
    got[k] = u[k];
    want[k] = expected[k];
  }
  expect({ text, ...got }).toEqual({ text, ...want });
}

describe('objective-status', () => {
  test.each<[string, Expected]>([
    ['¿cómo va el objetivo 5?', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['como va el objetivo 5', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['CÓMO VA EL OBJETIVO 5', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['<at>PEI Bot</at> ¿cómo va el objetivo 5?', { intent: 'objective-status', lang: 'es', objective: 5 }],
    [
      '<at>PEI Bot</at>&nbsp;<p>¿Cómo va el <b>objetivo</b> 5?</p>',
      { intent: 'objective-status', lang: 'es', objective: 5 },
    ],
    ['estado del objetivo 5', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['avance objetivo 5', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['how is objective 5 doing', { intent: 'objective-status', lang: 'en', objective: 5 }],
    ['status of objective 5', { intent: 'objective-status', lang: 'en', objective: 5 }],
    ['objetivo cinco', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['obj. V', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['obj 5', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['obj.5', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['objetivo5', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['el quinto objetivo', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['5to objetivo', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ["how's objective five doing", { intent: 'objective-status', lang: 'en', objective: 5 }],
    ['objective #5', { intent: 'objective-status', lang: 'en', objective: 5 }],
    ['objetivo número 7', { intent: 'objective-status', lang: 'es', objective: 7 }],
    ['objetivo nº 7', { intent: 'objective-status', lang: 'es', objective: 7 }],
    ['objetivo estratégico número 7', { intent: 'objective-status', lang: 'es', objective: 7 }],
    ['O5', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['O10', { intent: 'objective-status', lang: 'es', objective: 10 }],
    ['objetivo IX', { intent: 'objective-status', lang: 'es', objective: 9 }],
    ['Objetivo X', { intent: 'objective-status', lang: 'es', objective: 10 }],
    ['objective iv', { intent: 'objective-status', lang: 'en', objective: 4 }],
    ['objetivo décimo', { intent: 'objective-status', lang: 'es', objective: 10 }],
    ['the fifth objective', { intent: 'objective-status', lang: 'en', objective: 5 }],
    ['10th objective', { intent: 'objective-status', lang: 'en', objective: 10 }],
    ['objective three status', { intent: 'objective-status', lang: 'en', objective: 3 }],
    ['show me objective 3', { intent: 'objective-status', lang: 'en', objective: 3 }],
    ['objetivo 11', { intent: 'objective-status', lang: 'es', objective: 11 }],
    ['objetvo 3', { intent: 'objective-status', lang: 'es', objective: 3 }],
    ['como va el objtivo 2', { intent: 'objective-status', lang: 'es', objective: 2 }],
    ['objetive 7', { intent: 'objective-status', lang: 'es', objective: 7 }],
    ['hola, ¿cómo va el objetivo 5?', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['resumen del objetivo 5', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['qué indicadores del objetivo 5 están en rojo', { intent: 'objective-status', lang: 'es', objective: 5 }],
    ['avance del objetivo 2 en 2025', { intent: 'objective-status', lang: 'es', objective: 2, year: 2025 }],
    ['objetivo 5 junio 2025', { intent: 'objective-status', lang: 'es', objective: 5, period: '2025-06', year: 2025 }],
    ['objetivo 5 en 2025-06', { intent: 'objective-status', lang: 'es', objective: 5, period: '2025-06', year: 2025 }],
    [
      'objective 4 as of march 2026',
      { intent: 'objective-status', lang: 'en', objective: 4, period: '2026-03', year: 2026 },
    ],
  ])('%s', (text, expected) => expectExactly(text, expected));
});

describe('indicator-detail (ids)', () => {
  test.each<[string, Expected]>([
    ['indicador 4263', { intent: 'indicator-detail', lang: 'es', indicatorId: '4263' }],
    ['4263', { intent: 'indicator-detail', lang: 'es', indicatorId: '4263' }],
    ['detalle del 4263', { intent: 'indicator-detail', lang: 'es', indicatorId: '4263' }],
    ['indicator 4263 details', { intent: 'indicator-detail', lang: 'en', indicatorId: '4263' }],
    ['indicadr 4263', { intent: 'indicator-detail', lang: 'es', indicatorId: '4263' }],
    ['indicater 4263', { intent: 'indicator-detail', lang: 'en', indicatorId: '4263' }],
    ['8116-M3', { intent: 'indicator-detail', lang: 'es', indicatorId: '8116-M3' }],
    ['8116 m3', { intent: 'indicator-detail', lang: 'es', indicatorId: '8116-M3' }],
    ['8116m3', { intent: 'indicator-detail', lang: 'es', indicatorId: '8116-M3' }],
    ['meta 3 proyecto 8116', { intent: 'indicator-detail', lang: 'es', indicatorId: '8116-M3' }],
    ['meta 4 del proyecto 8118', { intent: 'indicator-detail', lang: 'es', indicatorId: '8118-M4' }],
    ['proyecto 8118 meta 4', { intent: 'indicator-detail', lang: 'es', indicatorId: '8118-M4' }],
    ['O10-1', { intent: 'indicator-detail', lang: 'es', indicatorId: 'O10-1' }],
    ['o10-2', { intent: 'indicator-detail', lang: 'es', indicatorId: 'O10-2' }],
    ['meta 2339', { intent: 'indicator-detail', lang: 'es', indicatorId: '4263' }],
    ['cómo va la meta 2339', { intent: 'indicator-detail', lang: 'es', indicatorId: '4263' }],
    ['indicador 9999', { intent: 'indicator-detail', lang: 'es', indicatorId: '9999' }],
    ['5555', { intent: 'indicator-detail', lang: 'es', indicatorId: '5555' }],
    ['estado del proyecto 8110', { intent: 'indicator-detail', lang: 'es', indicatorId: '8110-M3' }],
    ['proyecto 8116', { intent: 'indicator-detail', lang: 'es', indicatorIds: ['8116-M3', '8116-M4'] }],
    ['4263 y 4267', { intent: 'indicator-detail', lang: 'es', indicatorId: '4263', indicatorIds: ['4263', '4267'] }],
    ['indicador 3 del objetivo 3', { intent: 'indicator-detail', lang: 'es', indicatorId: '8116-M3', objective: 3 }],
    [
      'estado del 8116-m3 a junio de 2025',
      { intent: 'indicator-detail', lang: 'es', indicatorId: '8116-M3', period: '2025-06', year: 2025 },
    ],
    ['who owns 4263', { intent: 'indicator-detail', lang: 'en', indicatorId: '4263' }],
  ])('%s', (text, expected) => expectExactly(text, expected));

  test('"meta 3" alone offers every project meta numbered 3', () => {
    const u = nlu.understand('meta 3');
    expect(u.intent).toBe('indicator-detail');
    expect(u.indicatorId).toBeUndefined();
    expect(u.indicatorIds).toEqual(expect.arrayContaining(['8110-M3', '8116-M3', '8111-M3', '8118-M3']));
  });
});

describe('free words', () => {
  test.each<[string, Expected]>([
    ['CSIRT', { intent: 'indicator-detail', lang: 'es', indicatorId: '4234' }],
    ['¿cómo va el CSIRT?', { intent: 'indicator-detail', lang: 'es', indicatorId: '4234' }],
    ['how is the CSIRT doing', { intent: 'indicator-detail', lang: 'en', indicatorId: '4234' }],
    ['ciberseguridad', { intent: 'indicator-detail', lang: 'es', indicatorId: '4234' }],
    ['cómo va la ciberseguirdad', { intent: 'indicator-detail', lang: 'es', indicatorId: '4234' }],
    ['incidentes', { intent: 'indicator-detail', lang: 'es', indicatorId: '4234' }],
    ['nodos digitales', { intent: 'indicator-detail', lang: 'es', indicatorId: '4236' }],
    ['¿Cómo van los nodos digitales?', { intent: 'indicator-detail', lang: 'es', indicatorId: '4236' }],
    ['how are the digital nodes doing', { intent: 'indicator-detail', lang: 'en', indicatorId: '4236' }],
    ['archivo', { intent: 'objective-status', lang: 'es', objective: 9 }],
    ['archivos', { intent: 'objective-status', lang: 'es', objective: 9 }],
    ['memoria histórica', { intent: 'objective-status', lang: 'es', objective: 9 }],
    ['documentos', { intent: 'objective-status', lang: 'es', objective: 9 }],
    ['CADE', { intent: 'indicator-detail', lang: 'es', indicatorId: '4267' }],
    ['la red CADE', { intent: 'indicator-detail', lang: 'es', indicatorId: '4267' }],
    ['canales de atención', { intent: 'indicator-detail', lang: 'es', indicatorId: '4267' }],
    ['portal', { intent: 'indicator-detail', lang: 'es', indicatorId: '4263' }],
    ['trámites', { intent: 'indicator-detail', lang: 'es', indicatorId: '4263' }],
    ['víctimas', { intent: 'objective-status', lang: 'es', objective: 1 }],
    ['paz', { intent: 'objective-status', lang: 'es', objective: 1 }],
    ['internacional', { intent: 'objective-status', lang: 'es', objective: 4 }],
    ['cooperación', { intent: 'objective-status', lang: 'es', objective: 4 }],
    ['innovación', { intent: 'objective-status', lang: 'es', objective: 6 }],
    ['qué tal va el objetivo de innovación', { intent: 'objective-status', lang: 'es', objective: 6 }],
    ['iBO', { intent: 'objective-status', lang: 'es', objective: 6 }],
    ['MIPG', { intent: 'indicator-detail', lang: 'es', indicatorId: '8098-M4' }],
    ['gobierno abierto', { intent: 'indicator-detail', lang: 'es', indicatorId: '4200' }],
    ['transporte', { intent: 'indicator-detail', lang: 'es', indicatorId: 'O10-1' }],
    ['cafetería', { intent: 'indicator-detail', lang: 'es', indicatorId: 'O10-1' }],
    ['comunicación pública', { intent: 'objective-status', lang: 'es', objective: 3 }],
    ['infraestructura de datos', { intent: 'indicator-detail', lang: 'es', indicatorId: '4237' }],
    ['cómo va la infraestuctura de datos', { intent: 'indicator-detail', lang: 'es', indicatorId: '4237' }],
    ['prototipos', { intent: 'indicator-detail', lang: 'es', indicatorId: '4248' }],
    ['recursos físicos', { intent: 'indicator-detail', lang: 'es', indicatorId: 'O10-2' }],
    ['international cooperation', { intent: 'objective-status', lang: 'en', objective: 4 }],
    ['how are the campaigns going', { intent: 'indicator-detail', lang: 'en', indicatorId: '8116-M3' }],
    ['how is transparency doing', { intent: 'objective-status', lang: 'en', objective: 8 }],
  ])('%s', (text, expected) => expectExactly(text, expected));

  test('several candidates come as choices, best first', () => {
    const u = nlu.understand('memoria');
    expect(u.intent).toBe('indicator-detail');
    expect(u.indicatorId).toBeUndefined();
    expect(u.indicatorIds).toEqual(expect.arrayContaining(['3980', '4205', '8118-M3']));
    const t = nlu.understand('transformación digital');
    expect(t.intent).toBe('indicator-detail');
    expect(t.indicatorIds).toEqual(expect.arrayContaining(['8110-M3', '4244']));
  });

  test('"archivo" points to objective 9 (patrimonio documental)', () => {
    const u = nlu.understand('¿cómo va el archivo?');
    expect(u.objective).toBe(9);
    const ids = plan.objectives[8].indicators.map((i) => i.id);
    expect(ids).toEqual(['4205', '8118-M3', '8118-M4']);
  });
});

describe('plan, lagging, misión, visión, help, greeting', () => {
  test.each<[string, Expected]>([
    ['¿cómo va el plan?', { intent: 'plan-summary', lang: 'es' }],
    ['resumen del plan', { intent: 'plan-summary', lang: 'es' }],
    ['todos los objetivos', { intent: 'plan-summary', lang: 'es' }],
    ['cuáles son los objetivos', { intent: 'plan-summary', lang: 'es' }],
    ['estado general', { intent: 'plan-summary', lang: 'es' }],
    ['cómo vamos', { intent: 'plan-summary', lang: 'es' }],
    ['how is the plan doing', { intent: 'plan-summary', lang: 'en' }],
    ['overview', { intent: 'plan-summary', lang: 'en' }],
    ['plan', { intent: 'plan-summary', lang: 'es' }],
    ['PEI', { intent: 'plan-summary', lang: 'es' }],
    ['avance del plan 2025', { intent: 'plan-summary', lang: 'es', year: 2025 }],
    ['¿qué está en rojo?', { intent: 'lagging', lang: 'es' }],
    ['qué va atrasado', { intent: 'lagging', lang: 'es' }],
    ['indicadores rezagados', { intent: 'lagging', lang: 'es' }],
    ['alertas', { intent: 'lagging', lang: 'es' }],
    ['¿Qué indicadores están en riesgo?', { intent: 'lagging', lang: 'es' }],
    ['qué objetivos van mal', { intent: 'lagging', lang: 'es' }],
    ["what's behind", { intent: 'lagging', lang: 'en' }],
    ['what is lagging', { intent: 'lagging', lang: 'en' }],
    ['red indicators', { intent: 'lagging', lang: 'en' }],
    ['anything in red?', { intent: 'lagging', lang: 'en' }],
    ['cuál es la misión', { intent: 'mission', lang: 'es' }],
    ['¿Cuál es la MISION?', { intent: 'mission', lang: 'es' }],
    ['mission', { intent: 'mission', lang: 'en' }],
    ['vision', { intent: 'vision', lang: 'es' }],
    ['visión', { intent: 'vision', lang: 'es' }],
    ['what is the vision', { intent: 'vision', lang: 'en' }],
    ['2024', { intent: 'plan-summary', lang: 'es', year: 2024 }],
    ['junio 2025', { intent: 'plan-summary', lang: 'es', period: '2025-06', year: 2025 }],
    ['¿quién no ha reportado?', { intent: 'lagging', lang: 'es' }],
    ['reportes pendientes', { intent: 'lagging', lang: 'es' }],
    ["who hasn't reported", { intent: 'lagging', lang: 'en' }],
    ['ayuda', { intent: 'help', lang: 'es' }],
    ['help', { intent: 'help', lang: 'en' }],
    ['qué puedes hacer', { intent: 'help', lang: 'es' }],
    ['¿Qué puedes hacer?', { intent: 'help', lang: 'es' }],
    ['what can you do', { intent: 'help', lang: 'en' }],
    ['?', { intent: 'help', lang: 'es' }],
    ['<at>PEI Bot</at> ?', { intent: 'help', lang: 'es' }],
    ['hola', { intent: 'greeting', lang: 'es' }],
    ['¡¡HOLA!!', { intent: 'greeting', lang: 'es' }],
    ['buenos días', { intent: 'greeting', lang: 'es' }],
    ['buenas tardes a todos', { intent: 'greeting', lang: 'es' }],
    ['hi', { intent: 'greeting', lang: 'en' }],
    ['hello', { intent: 'greeting', lang: 'en' }],
    ['Hi PEI Bot', { intent: 'greeting', lang: 'en' }],
    ['good morning', { intent: 'greeting', lang: 'en' }],
  ])('%s', (text, expected) => expectExactly(text, expected));
});

describe('commands', () => {
  test.each<[string, Expected]>([
    ['reportar avance', { intent: 'report-start', lang: 'es' }],
    ['reportar avance 4263', { intent: 'report-start', lang: 'es', indicatorId: '4263' }],
    ['quiero reportar', { intent: 'report-start', lang: 'es' }],
    [
      'reportar avance 4263 junio 2025',
      { intent: 'report-start', lang: 'es', indicatorId: '4263', period: '2025-06', year: 2025 },
    ],
    [
      'reportar 8116-M3 2025-06',
      { intent: 'report-start', lang: 'es', indicatorId: '8116-M3', period: '2025-06', year: 2025 },
    ],
    ['reportar junio 4263', { intent: 'report-start', lang: 'es', indicatorId: '4263', month: 6 }],
    ['reportar avance del CSIRT', { intent: 'report-start', lang: 'es', indicatorId: '4234' }],
    ['report progress', { intent: 'report-start', lang: 'en' }],
    ['report progress for 4263', { intent: 'report-start', lang: 'en', indicatorId: '4263' }],
    ['quién es el responsable del 4263', { intent: 'owners', lang: 'es', indicatorId: '4263' }],
    ['responsables', { intent: 'owners', lang: 'es' }],
    ['owners', { intent: 'owners', lang: 'en' }],
    ['administradores', { intent: 'admins', lang: 'es', adminAction: 'list' }],
    ['admins', { intent: 'admins', lang: 'es', adminAction: 'list' }],
    ['agregar administrador @Ana', { intent: 'admins', lang: 'es', adminAction: 'add', mentionsText: 'Ana' }],
    [
      'add admin luis@secretariageneral.gov.co',
      { intent: 'admins', lang: 'en', adminAction: 'add', email: 'luis@secretariageneral.gov.co' },
    ],
    ['quitar administrador @Luis', { intent: 'admins', lang: 'es', adminAction: 'remove', mentionsText: 'Luis' }],
    ['remove admin @Luis', { intent: 'admins', lang: 'en', adminAction: 'remove', mentionsText: 'Luis' }],
    ['asignar responsable 4263 @Ana', { intent: 'assign-owner', lang: 'es', indicatorId: '4263', mentionsText: 'Ana' }],
    [
      '<at>PEI Bot</at> asignar responsable 4263 <at>Ana Pérez</at>',
      { intent: 'assign-owner', lang: 'es', indicatorId: '4263', mentionsText: 'Ana Pérez' },
    ],
    [
      'asignar responsable 4263 ana.perez@secretariageneral.gov.co',
      { intent: 'assign-owner', lang: 'es', indicatorId: '4263', email: 'ana.perez@secretariageneral.gov.co' },
    ],
    [
      'asignar a Ana Pérez como responsable del 4263',
      { intent: 'assign-owner', lang: 'es', indicatorId: '4263', mentionsText: 'Ana Pérez' },
    ],
    [
      'asignar responsable del CSIRT a Ana',
      { intent: 'assign-owner', lang: 'es', indicatorId: '4234', mentionsText: 'Ana' },
    ],
    [
      '@PEI asignar responsable 4263 @ana',
      { intent: 'assign-owner', lang: 'es', indicatorId: '4263', mentionsText: 'ana' },
    ],
    [
      'assign owner 4263 <at>Ana Pérez</at>',
      { intent: 'assign-owner', lang: 'en', indicatorId: '4263', mentionsText: 'Ana Pérez' },
    ],
    [
      'change owner 4263 Ana.Perez@SecretariaGeneral.gov.co',
      { intent: 'assign-owner', lang: 'en', indicatorId: '4263', email: 'ana.perez@secretariageneral.gov.co' },
    ],
    ['auditoría', { intent: 'audit', lang: 'es' }],
    ['auditoria 4263', { intent: 'audit', lang: 'es', indicatorId: '4263' }],
    ['ver auditoría', { intent: 'audit', lang: 'es' }],
    ['historial del 4263', { intent: 'audit', lang: 'es', indicatorId: '4263' }],
    ['audit log', { intent: 'audit', lang: 'en' }],
    ['audit 4263', { intent: 'audit', lang: 'en', indicatorId: '4263' }],
    ['suscribir resumen semanal', { intent: 'subscribe-digest', lang: 'es' }],
    ['suscribir resumen semnal', { intent: 'subscribe-digest', lang: 'es' }],
    ['suscribirse al resumen', { intent: 'subscribe-digest', lang: 'es' }],
    ['quiero recibir el resumen semanal', { intent: 'subscribe-digest', lang: 'es' }],
    ['subscribe weekly digest', { intent: 'subscribe-digest', lang: 'en' }],
    ['subscribe', { intent: 'subscribe-digest', lang: 'en' }],
    ['cancelar resumen', { intent: 'unsubscribe-digest', lang: 'es' }],
    ['cancelar suscripción', { intent: 'unsubscribe-digest', lang: 'es' }],
    ['no quiero recibir el resumen', { intent: 'unsubscribe-digest', lang: 'es' }],
    ['unsubscribe', { intent: 'unsubscribe-digest', lang: 'en' }],
    ['stop digest', { intent: 'unsubscribe-digest', lang: 'en' }],
    ['enviar resumen ahora', { intent: 'send-digest-now', lang: 'es' }],
    ['envía el resumen semanal ya', { intent: 'send-digest-now', lang: 'es' }],
    ['send digest now', { intent: 'send-digest-now', lang: 'en' }],
  ])('%s', (text, expected) => expectExactly(text, expected));
});

describe('unknown', () => {
  test.each<[string, Expected]>([
    ['asdfgh qwerty', { intent: 'unknown', lang: 'es' }],
    ['me gusta el fútbol', { intent: 'unknown', lang: 'es' }],
    ['el clima en Bogotá', { intent: 'unknown', lang: 'es' }],
    ['necesito el informe trimestral', { intent: 'unknown', lang: 'es' }],
    ['lorem ipsum dolor sit amet', { intent: 'unknown', lang: 'es' }],
    ['what time is it', { intent: 'unknown', lang: 'en' }],
    ['', { intent: 'unknown', lang: 'es' }],
    ['   ', { intent: 'unknown', lang: 'es' }],
    ['asdf zxcv', { intent: 'unknown', lang: 'es' }],
    ['<at>PEI Bot</at>', { intent: 'unknown', lang: 'es' }],
  ])('%s', (text, expected) => expectExactly(text, expected));

  test('never throws on odd input', () => {
    const odd: unknown[] = [
      undefined,
      null,
      42,
      '\u0000\u0001',
      '🙂🙂🙂',
      '<<<>>>',
      '&#xFFFFFFF;&#0;',
      'a'.repeat(100000),
      '<at>',
      '</at>x<at>',
    ];
    for (const input of odd) {
      const u = nlu.understand(input as string);
      expect(u).toEqual(
        expect.objectContaining({ intent: expect.any(String), lang: expect.any(String), text: expect.any(String) }),
      );
    }
  });
});

describe('normalization', () => {
  test('text drops markup, punctuation, case and accents', () => {
    expect(nlu.understand('<at>PEI Bot</at>&nbsp;¿CÓMO va el <b>Objetivo</b> 5?').text).toBe('como va el objetivo 5');
    expect(nlu.understand('¡Hola!').text).toBe('hola');
  });

  test('other people mentioned keep their names in text and in mentionsText', () => {
    const u = nlu.understand('<at>PEI Bot</at> asignar responsable 4263 <at>Ana Pérez</at> y <at>Luis</at>');
    expect(u.mentionsText).toBe('Ana Pérez, Luis');
    expect(u.text).toBe('asignar responsable 4263 ana perez y luis');
  });
});

describe('languageOf', () => {
  test.each<[string, 'es' | 'en']>([
    ['¿cómo va el objetivo 5?', 'es'],
    ['how is objective 5 doing', 'en'],
    ["what's behind", 'en'],
    ['show me the overview', 'en'],
    ['resumen del plan', 'es'],
    ['4263', 'es'],
    ['CSIRT', 'es'],
    ['plan', 'es'],
    ['', 'es'],
    ['status objetivo 5', 'es'],
  ])('%s -> %s', (text, lang) => expect(languageOf(text)).toBe(lang));
});

describe("the planning office's review and explaining a figure", () => {
  test.each<[string, Expected]>([
    ['reportes por revisar', { intent: 'review-list', lang: 'es' }],
    ['¿qué hay por revisar?', { intent: 'review-list', lang: 'es' }],
    ['reports to review', { intent: 'review-list', lang: 'en' }],
    ['¿por qué el objetivo 2 va en 67,5 %?', { intent: 'explain', lang: 'es', objective: 2 }],
    ['¿cómo se calcula el indicador 4236?', { intent: 'explain', lang: 'es', indicatorId: '4236' }],
    ['why is objective 2 at 67.5 %', { intent: 'explain', lang: 'en', objective: 2 }],
    ['¿Cómo se calcula?', { intent: 'explain', lang: 'es' }],
    ['how is indicator 4263 calculated', { intent: 'explain', lang: 'en', indicatorId: '4263' }],
  ])('%s', (text, expected) => expectExactly(text, expected));

  test('status questions stay status questions', () => {
    expect(nlu.understand('¿cómo va el objetivo 5?').intent).toBe('objective-status');
    expect(nlu.understand('how is objective 5 doing').intent).toBe('objective-status');
    expect(nlu.understand('suscribir resumen de revisión').intent).toBe('subscribe-digest');
  });
});
