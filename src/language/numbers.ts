/** Numbers as officials write them in chat: digits, number words, ordinals and roman numerals, es and en; months. */

import type { Lang } from './types';

const CARDINALS_ES: Record<string, number> = {
  cero: 0,
  uno: 1,
  una: 1,
  un: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
};
const CARDINALS_EN: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
};
const ORDINALS_ES: Record<string, number> = {
  primero: 1,
  primer: 1,
  primera: 1,
  segundo: 2,
  segunda: 2,
  tercero: 3,
  tercer: 3,
  tercera: 3,
  cuarto: 4,
  cuarta: 4,
  quinto: 5,
  quinta: 5,
  sexto: 6,
  sexta: 6,
  septimo: 7,
  septima: 7,
  setimo: 7,
  setima: 7,
  octavo: 8,
  octava: 8,
  noveno: 9,
  novena: 9,
  decimo: 10,
  decima: 10,
  undecimo: 11,
  onceavo: 11,
  duodecimo: 12,
  doceavo: 12,
};
const ORDINALS_EN: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
};
const ROMANS: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
  xi: 11,
  xii: 12,
  xiii: 13,
  xiv: 14,
  xv: 15,
};

/** Words that are numbers in one language (for language detection). "un"/"una" are left out: they are articles. */
export const NUMBER_WORDS_ES: ReadonlySet<string> = new Set(
  [...Object.keys(CARDINALS_ES), ...Object.keys(ORDINALS_ES)].filter((w) => w !== 'un' && w !== 'una'),
);
export const NUMBER_WORDS_EN: ReadonlySet<string> = new Set([
  ...Object.keys(CARDINALS_EN),
  ...Object.keys(ORDINALS_EN),
]);

/** A cardinal: "5", "cinco", "five" (not ordinals, not roman numerals). */
export function parseCardinal(token: string): number | undefined {
  if (/^\d{1,3}$/.test(token)) return Number(token);
  return CARDINALS_ES[token] ?? CARDINALS_EN[token];
}

/** An ordinal: "quinto", "fifth", "5to", "5o" (from "5º"), "5th", "1er", "3ra", "1st", "2nd". */
export function parseOrdinal(token: string): number | undefined {
  const word = ORDINALS_ES[token] ?? ORDINALS_EN[token];
  if (word !== undefined) return word;
  const m = /^(\d{1,2})(o|a|ro|ra|er|do|da|to|ta|mo|ma|vo|va|no|na|st|nd|rd|th)$/.exec(token);
  return m ? Number(m[1]) : undefined;
}

/** A roman numeral i..xv (folded to lower case). */
export function parseRoman(token: string): number | undefined {
  return ROMANS[token];
}

/** What may follow "objetivo": a cardinal, an ordinal or a roman numeral. */
export function parseObjectiveNumber(token: string): number | undefined {
  return parseCardinal(token) ?? parseOrdinal(token) ?? parseRoman(token);
}

const MONTHS: Record<string, number> = {
  enero: 1,
  febrero: 2,
  marzo: 3,
  abril: 4,
  mayo: 5,
  junio: 6,
  julio: 7,
  agosto: 8,
  septiembre: 9,
  setiembre: 9,
  octubre: 10,
  noviembre: 11,
  diciembre: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
/** Abbreviations count as months only when a year follows ("jun 2025"): "mar", "dic" are words too. */
const MONTH_ABBREVIATIONS: Record<string, number> = {
  ene: 1,
  jan: 1,
  feb: 2,
  mar: 3,
  abr: 4,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  ago: 8,
  aug: 8,
  sep: 9,
  sept: 9,
  set: 9,
  oct: 10,
  nov: 11,
  dic: 12,
  dec: 12,
};
export const MONTH_WORDS_ES: ReadonlySet<string> = new Set([
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'setiembre',
  'octubre',
  'noviembre',
  'diciembre',
]);
export const MONTH_WORDS_EN: ReadonlySet<string> = new Set([
  'january',
  'february',
  'march',
  'april',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]);

export function monthOf(token: string, withYear: boolean): number | undefined {
  return MONTHS[token] ?? (withYear ? MONTH_ABBREVIATIONS[token] : undefined);
}

export const MIN_YEAR = 2015;
export const MAX_YEAR = 2040;

export function parseYear(token: string): number | undefined {
  if (!/^\d{4}$/.test(token)) return undefined;
  const y = Number(token);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : undefined;
}

/** A whole period in one token: "2025-06", "2025/06", "06/2025", "6-2025", "30/06/2025", "2025-06-30". */
export function parsePeriodToken(token: string): { year: number; month: number } | undefined {
  let m = /^(\d{4})[-/](\d{1,2})(?:[-/](\d{1,2}))?$/.exec(token);
  if (m) return valid(Number(m[1]), Number(m[2]));
  m = /^(?:(\d{1,2})[-/])?(\d{1,2})[-/](\d{4})$/.exec(token);
  if (m) return valid(Number(m[3]), Number(m[2]));
  return undefined;
}

function valid(year: number, month: number): { year: number; month: number } | undefined {
  return year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 ? { year, month } : undefined;
}

export function formatPeriod(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Language of a number word, if it has one. */
export function numberWordLang(token: string): Lang | undefined {
  if (NUMBER_WORDS_ES.has(token)) return 'es';
  if (NUMBER_WORDS_EN.has(token)) return 'en';
  return undefined;
}
