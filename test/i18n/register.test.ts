import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One register: the Alcaldía writes to its officials with «usted» (Spanish, Colombia). Fails listing every Spanish
 * catalog string (src/i18n/es/) or card template (cards/) that uses a «tú» form. The check reads the source text, so
 * template literals and every branch of a message function are covered.
 *
 * - Words that are only ever «tú»: the pronouns and possessives (tú, tu, tus, te, ti, contigo), second-person verbs
 *   (puedes, quieres, tienes, eres, …), second-person preterites (devolviste, aprobaste, …) and imperatives with a
 *   pronoun attached (pregúntame, repórtame, inténtalo, guárdalo, menciónalo, pídeselo, …).
 * - Imperatives that read like a third person («revisa», «escribe», «usa»: «la Oficina lo revisa» is fine) are
 *   flagged where an imperative stands: at the start of a sentence or after «:», «;» or «(».
 */

const ONLY_TU = [
  'tú',
  'tu',
  'tus',
  'te',
  'ti',
  'contigo',
  'puedes',
  'quieres',
  'tienes',
  'eres',
  'estás',
  'debes',
  'necesitas',
  'necesites',
  'sabes',
  'prefieres',
  'vas',
  'quieras',
  'puedas',
  'tengas',
  'hayas',
  'devolviste',
  'aprobaste',
  'enviaste',
  'reportaste',
  'escribiste',
  'asignaste',
  'pediste',
  'hiciste',
  'guardaste',
  'corregiste',
  'pregúntame',
  'repórtame',
  'escríbeme',
  'dime',
  'cuéntame',
  'asegúrate',
  'avísame',
  'inténtalo',
  'guárdalo',
  'menciónalo',
  'pídeselo',
  'corrígelo',
  'envíalo',
  'repórtalo',
  'repórtalos',
  'pídele',
  'detén',
];
const IMPERATIVES = [
  'escribe',
  'revisa',
  'toca',
  'elige',
  'pide',
  'adjunta',
  'corrige',
  'vuelve',
  'intenta',
  'selecciona',
  'escoge',
  'completa',
  'ingresa',
  'prueba',
  'consulta',
  'usa',
  'mira',
  'abre',
  'agrega',
  'indica',
  'envía',
  'verifica',
  'confirma',
  'busca',
  'reporta',
  'avisa',
  'pregunta',
  'espera',
  'describe',
  'pega',
  'explica',
  'justifica',
];

const L = 'a-záéíóúñü';
const onlyTu = new RegExp(`(?<![${L}])(${ONLY_TU.join('|')})(?![${L}])`, 'giu');
const imperative = new RegExp(`(?:^|[.:;(¿¡!?'\`«"]\\s*|\\.\\s+)(${IMPERATIVES.join('|')})(?![${L}])`, 'giu');

function offences(file: string): string[] {
  const out: string[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const t = line.trim();
      if (t.startsWith('//') || t.startsWith('*') || t.startsWith('/*') || t.startsWith('import ')) return;
      // Only what is said: the text inside quotes (keys and code around them are English).
      const said = [...line.matchAll(/'([^']*)'|`([^`]*)`|"([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? m[3]).join(' | ');
      for (const rx of [onlyTu, imperative])
        for (const m of said.matchAll(rx)) out.push(`${file}:${i + 1}: «${m[1]}» in ${t.slice(0, 120)}`);
    });
  return out;
}

const root = join(__dirname, '..', '..');
const files = [
  ...readdirSync(join(root, 'src/i18n/es')).map((f) => join(root, 'src/i18n/es', f)),
  ...readdirSync(join(root, 'cards'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(root, 'cards', f)),
];

test('no Spanish catalog string or card template addresses the reader as «tú»', () => {
  expect(files.length).toBeGreaterThan(20);
  expect(files.flatMap(offences)).toEqual([]);
});

test('the check catches what it is meant to catch', () => {
  const probe = (s: string) => [...s.matchAll(onlyTu), ...s.matchAll(imperative)].map((m) => m[1].toLowerCase());
  expect(probe('Revisa el campo marcado en rojo')).toEqual(['revisa']);
  expect(probe('No eres responsable; puedes pedirlo')).toEqual(['eres', 'puedes']);
  expect(probe('Tu reporte fue devuelto: escribe el motivo')).toEqual(['tu', 'escribe']);
  expect(probe('cuenta mientras la Oficina lo revisa')).toEqual([]);
  expect(probe('Revise el campo; escriba el valor y use su correo')).toEqual([]);
});
