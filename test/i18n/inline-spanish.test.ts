import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Issue 13, point 1: the words of the product live in src/i18n/. This scans every other file of src/ for string
 * literals that read as Spanish (an accented letter, ¿ ¡ « », or a common Spanish word) and fails listing them.
 *
 * Not scanned, each for a reason (docs/decisions.md, «Language and words»):
 * - comments, and the operator's log lines (log(…), log.info/warn/error/debug(…), authWarn(…)): the log is the
 *   operator's, in Spanish, not a reader's;
 * - ALLOWED files below: what the bot reads (language/) and contract-fixed Spanish headers (workbook, open data).
 */

const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');

const ALLOWED: Record<string, string> = {
  'src/language/': 'the lexicon and examples of what people write (read, not said)',
  'src/outputs/workbook.ts': 'the follow-up workbook: sheet and column names fixed by CONTRACT.md (Spanish)',
  'src/outputs/plan-workbook.ts':
    'the plan workbook: sheet and column names read back by plan import, and its Léame (Spanish)',
  'src/outputs/open-data.ts': 'the open-data feed: column names and values fixed by CONTRACT.md (Spanish)',
};

const SPANISH =
  /[áéíóúñÁÉÍÓÚÑ¿¡«»]|\b(el|la|los|las|del|una|para|por|que|con|sin|está|debe|puede|reporte|indicador|objetivo)\b/;
const LOG_CALL = /\b(log|authWarn)(\?\.|\.(info|warn|error|debug))?\(\s*$/;

function* files(dir: string): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else if (e.name.endsWith('.ts')) yield p;
  }
}

/** The string literals of a file with their line, comments skipped; `before` is the code just before the literal. */
function literals(text: string): { line: number; value: string; before: string }[] {
  const out: { line: number; value: string; before: string }[] = [];
  let i = 0;
  let line = 1;
  let code = '';
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      // The code before a literal may end on the line above (a call whose argument Prettier put on its own line).
      code = code.slice(-200) + '\n';
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (let k = i; k < stop; k++) if (text[k] === '\n') line++;
      i = stop;
      continue;
    }
    if (c === '/' && /(^|[(,=:[!&|?{};]|return)\s*$/.test(code)) {
      // A regular-expression literal: skipped whole (its quotes are not strings).
      let j = i + 1;
      let inClass = false;
      while (j < text.length && text[j] !== '\n' && (inClass || text[j] !== '/')) {
        if (text[j] === '\\') j++;
        else if (text[j] === '[') inClass = true;
        else if (text[j] === ']') inClass = false;
        j++;
      }
      code += 'R';
      i = j + 1;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') {
      const start = line;
      let j = i + 1;
      let value = '';
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\\') {
          value += text[j + 1];
          j += 2;
          continue;
        }
        if (c === '`' && text[j] === '$' && text[j + 1] === '{') {
          // A placeholder: skip its code (balanced braces); its own literals are not this sentence's words.
          let depth = 0;
          for (; j < text.length; j++) {
            if (text[j] === '{') depth++;
            else if (text[j] === '}' && --depth === 0) break;
            else if (text[j] === '\n') line++;
          }
          value += '…';
          j++;
          continue;
        }
        if (text[j] === '\n') line++;
        value += text[j];
        j++;
      }
      out.push({ line: start, value, before: code });
      code += 'S';
      i = j + 1;
      continue;
    }
    code += c;
    i++;
  }
  return out;
}

test('no Spanish-looking user string outside src/i18n/ (allow-list documented above)', () => {
  const found: string[] = [];
  for (const file of files(SRC)) {
    const rel = relative(ROOT, file).split(sep).join('/');
    if (rel.startsWith('src/i18n/')) continue;
    if (Object.keys(ALLOWED).some((a) => (a.endsWith('/') ? rel.startsWith(a) : rel === a))) continue;
    for (const l of literals(readFileSync(file, 'utf8'))) {
      if (!SPANISH.test(l.value)) continue;
      // An import path, a regular-expression source or a key is not a sentence: look for two words.
      if (!/[A-Za-zÁ-ú]{2,}\s+[A-Za-zÁ-ú]{2,}/.test(l.value) && !/[áéíóúñ¿¡«»]/.test(l.value)) continue;
      if (LOG_CALL.test(l.before)) continue;
      found.push(`${rel}:${l.line}: ${l.value.slice(0, 100)}`);
    }
  }
  expect(found).toEqual([]);
});
