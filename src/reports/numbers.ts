import type { Unit } from '../domain/plan';

/**
 * Report values as officials type them, in Colombian and English formats (docs/dominio.md: the seed mixes both).
 *
 * Separators
 * - Both `.` and `,` present: the last one is the decimal separator, the other groups thousands in groups of three
 *   (`1.500,5` and `1,500.5` are 1500.5; `1.500.000,25`; `1,5.300` is refused).
 * - Only dots: several dots are thousands groups (`1.500.000`); one dot followed by exactly three digits after a
 *   non-zero integer part is Colombian thousands (`1.500` = 1500, `10.000` = 10000); otherwise a decimal point
 *   (`1.5`, `1500.5`, `0.500`).
 * - Only commas: several commas are thousands groups (`1,500,000`); one comma is the Colombian decimal comma
 *   (`0,25`, `1,5`, `2,50`) — except `1,500`-like text (a non-zero integer part and exactly three digits), which
 *   is 1.5 in Bogotá and 1500 in English: it is refused as ambiguous, asking for `1500` or `1,5`.
 * - Spaces may group thousands (`1 500,5`).
 *
 * Percents
 * - A `%` sign (`75%`, `75 %`, `2,5 %`) always means a percent: the value is the fraction (`75%` = 0.75), for
 *   every unit (docs/dominio.md: percents are fractions everywhere).
 * - For percent-unit indicators a bare number above 1 is read as percent points (`75` = 75 % = 0.75) and a bare
 *   number from 0 to 1 as the fraction itself (`0,75` = 75 %, `1` = 100 %). The form says "en %".
 * - For number-unit indicators a bare number is the number.
 *
 * Refused with a reason: empty text, words, `NaN`, `Infinity`, exponents, separators that make no groups of three,
 * more than one sign or percent sign. A leading `-` is read (so that the validation can say "no negativos").
 */

export type NumberProblem = 'empty' | 'not-a-number' | 'ambiguous' | 'bad-grouping' | 'too-many-decimals';

export type ParsedValue =
  | { ok: true; value: number; percentSign: boolean; /** the reading, for messages: "1500.5" */ normalized: string }
  | { ok: false; problem: NumberProblem };

/** Most decimals accepted (values are rounded to 4 decimals by the API; 6 leaves room for percents as fractions). */
export const MAX_DECIMALS = 6;

const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);
const GROUPED_DOT = GROUPED('.');
const GROUPED_COMMA = GROUPED(',');
const GROUPED_SPACE = /^\d{1,3}( \d{3})+$/;

/** Reads the digits-and-separators part (no sign, no %) into a canonical "1234.56"; a problem otherwise. */
function readBody(body: string): { ok: true; text: string } | { ok: false; problem: NumberProblem } {
  let s = body;
  if (!/^[\d., ]+$/.test(s) || !/\d/.test(s)) return { ok: false, problem: 'not-a-number' };
  // Thousands grouped with spaces ("1 500" or "1 500,5"): only in groups of three.
  if (s.includes(' ')) {
    const m = /^([\d ]+)([.,]\d+)?$/.exec(s);
    if (!m || !GROUPED_SPACE.test(m[1])) return { ok: false, problem: 'bad-grouping' };
    s = m[1].replace(/ /g, '') + (m[2] ?? '');
  }
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return { ok: false, problem: 'not-a-number' };

  const dots = (s.match(/\./g) ?? []).length;
  const commas = (s.match(/,/g) ?? []).length;
  let intPart: string;
  let frac = '';

  if (dots && commas) {
    const decimal = s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    const at = s.lastIndexOf(decimal);
    const head = s.slice(0, at);
    frac = s.slice(at + 1);
    if (head.includes(decimal) || !frac) return { ok: false, problem: 'bad-grouping' };
    if (!(group === '.' ? GROUPED_DOT : GROUPED_COMMA).test(head)) return { ok: false, problem: 'bad-grouping' };
    intPart = head.split(group).join('');
  } else if (dots || commas) {
    const sep = dots ? '.' : ',';
    const count = dots || commas;
    if (count > 1) {
      if (!(sep === '.' ? GROUPED_DOT : GROUPED_COMMA).test(s)) return { ok: false, problem: 'bad-grouping' };
      intPart = s.split(sep).join('');
    } else {
      const [head, tail] = s.split(sep);
      const thousandsShape = /^[1-9]\d{0,2}$/.test(head) && /^\d{3}$/.test(tail);
      if (thousandsShape && sep === '.') {
        intPart = head + tail; // "1.500" = 1500 (Colombian thousands)
      } else if (thousandsShape && sep === ',') {
        return { ok: false, problem: 'ambiguous' }; // "1,500": 1,5 in Bogotá, 1500 in English
      } else {
        if (!tail) return { ok: false, problem: 'not-a-number' }; // "5," "5."
        intPart = head === '' ? '0' : head;
        frac = tail;
      }
    }
  } else {
    intPart = s;
  }
  if (!/^\d+$/.test(intPart) || (frac && !/^\d+$/.test(frac))) return { ok: false, problem: 'not-a-number' };
  const fracTrim = frac.replace(/0+$/, '');
  if (fracTrim.length > MAX_DECIMALS) return { ok: false, problem: 'too-many-decimals' };
  const intTrim = intPart.replace(/^0+(?=\d)/, '');
  return { ok: true, text: fracTrim ? `${intTrim}.${fracTrim}` : intTrim };
}

/** Rounds away binary noise after a division by 100 (75.3 / 100 = 0.7529999…). */
function clean(x: number): number {
  return Number(x.toFixed(10));
}

/** Parses a value typed in a report form or a CSV cell, for an indicator of the given unit (see the rules above). */
export function parseReportValue(text: string, unit: Unit): ParsedValue {
  let s = (text ?? '')
    .normalize('NFKC')
    .replace(/[\u00a0\u202f\u2007\t]/g, ' ')
    .trim();
  if (!s) return { ok: false, problem: 'empty' };
  let percentSign = false;
  if (s.endsWith('%')) {
    percentSign = true;
    s = s.slice(0, -1).trimEnd();
  }
  if (s.includes('%')) return { ok: false, problem: 'not-a-number' };
  let negative = false;
  if (s.startsWith('-') || s.startsWith('−')) {
    negative = true;
    s = s.slice(1).trimStart();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trimStart();
  }
  if (!s) return { ok: false, problem: percentSign || negative ? 'not-a-number' : 'empty' };
  const body = readBody(s);
  if (!body.ok) return body;
  let value = Number(body.text);
  if (!Number.isFinite(value)) return { ok: false, problem: 'not-a-number' };
  if (percentSign) value = clean(value / 100);
  else if (unit === 'percent' && value > 1) value = clean(value / 100);
  if (negative) value = -value;
  if (Object.is(value, -0)) value = 0;
  return { ok: true, value, percentSign, normalized: `${negative ? '-' : ''}${body.text}${percentSign ? '%' : ''}` };
}

/**
 * A stored value as a person types it back into the form (the form of a month already reported opens filled):
 * no thousands separator, the language's decimal mark, a percent as "22 %", and a value that reads back the same
 * (three decimals take a trailing zero: "1,234" would be 1.234 or 1234).
 */
export function inputText(value: number, unit: Unit, lang: 'es' | 'en'): string {
  const shown = unit === 'percent' ? clean(value * 100) : value;
  let text = String(shown);
  if (/e/i.test(text)) text = shown.toFixed(MAX_DECIMALS).replace(/0+$/, '').replace(/\.$/, '');
  if (/\.\d{3}$/.test(text)) text += '0';
  if (lang === 'es') text = text.replace('.', ',');
  return unit === 'percent' ? `${text}\u00a0%` : text;
}
