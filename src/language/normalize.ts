/**
 * Cleaning what Teams hands over: mention markup, HTML, entities, punctuation, case and accents.
 * Everything here is a pure string function.
 */

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  Aacute: 'Á',
  Eacute: 'É',
  Iacute: 'Í',
  Oacute: 'Ó',
  Uacute: 'Ú',
  ntilde: 'ñ',
  Ntilde: 'Ñ',
  uuml: 'ü',
  Uuml: 'Ü',
  ccedil: 'ç',
  iquest: '¿',
  iexcl: '¡',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  ndash: '–',
  mdash: '—',
  ordm: 'º',
  ordf: 'ª',
  deg: '°',
  middot: '·',
  bull: '•',
  zwj: '',
  zwnj: '',
  shy: '',
};

/** Decodes HTML entities: named (the common ones), decimal and hexadecimal. Unknown ones are left as they are. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return ' ';
      try {
        return String.fromCodePoint(code);
      } catch {
        return ' ';
      }
    }
    const named = NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()];
    return named ?? whole;
  });
}

/** Lower case, accents removed ("Cómo" -> "como", "ñ" -> "n"). */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export interface CleanMessage {
  /** The message without markup and without the bot's own mention; other people's mention names kept. */
  display: string;
  /** What is analysed: like display, without any mention, typed "@name" or e-mail address. */
  body: string;
  /** Names of the people mentioned (Teams mentions other than the bot's, then typed "@name"s). */
  people: string[];
  /** The first e-mail address, lower-cased. */
  email?: string;
}

const MENTION = /<at\b[^>]*>([\s\S]*?)<\/at\s*>/gi;
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
const TYPED_MENTION = /(^|[\s(,;:])@([\p{L}][\p{L}\p{N}._-]*)/gu;

function looksLikeBot(name: string): boolean {
  return /\b(bot|pei)\b/i.test(fold(name));
}

/** Removes Teams mention markup, HTML tags and entities; collects mentioned people and an e-mail address. */
export function cleanMessage(raw: string): CleanMessage {
  let s = typeof raw === 'string' ? raw : String(raw ?? '');
  s = decodeEntities(s);
  const people: string[] = [];
  let display = '';
  let body = '';
  let last = 0;
  for (const m of s.matchAll(MENTION)) {
    const idx = m.index ?? 0;
    const before = s.slice(last, idx);
    display += before;
    body += before;
    const name = m[1].replace(TAG, ' ').replace(/\s+/g, ' ').trim();
    const atStart = s.slice(0, idx).replace(TAG, ' ').trim() === '';
    if (name && !(atStart || looksLikeBot(name))) {
      people.push(name);
      display += ` ${name} `;
    }
    body += ' ';
    last = idx + m[0].length;
  }
  display += s.slice(last);
  body += s.slice(last);
  display = display.replace(TAG, ' ');
  body = body.replace(TAG, ' ');

  let email: string | undefined;
  const em = EMAIL.exec(body);
  if (em) {
    email = em[0].toLowerCase();
    body = body.slice(0, em.index) + ' ' + body.slice(em.index + em[0].length);
  }
  body = body.replace(TYPED_MENTION, (_w, pre: string, name: string) => {
    const clean = name.replace(/[._-]+$/, '');
    if (!looksLikeBot(clean)) people.push(clean);
    return `${pre} `;
  });
  return {
    display: display.replace(/\s+/g, ' ').trim(),
    body: body.replace(/\s+/g, ' ').trim(),
    people,
    email,
  };
}

/** Spaces, ordinal marks and English contractions made uniform before folding. */
function prepare(s: string): string {
  return s
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/[’‘`´]/g, "'")
    .replace(/(\d)\s*[º°ª]/g, '$1o')
    .replace(/(^|[^\p{L}])[nN]\s*[º°]\s*\.?/gu, '$1 numero ')
    .replace(/\b(how|what|it|that|where|who|there|here|which)'s\b/gi, '$1 is')
    .replace(/\b(what|where|how|who)'re\b/gi, '$1 are')
    .replace(/(\p{L})'(\p{L})/gu, '$1$2');
}

/** Folded tokens: letters and digits, keeping "-" and "/" inside them ("8116-m3", "2025-06", "o10-1"); "#" alone. */
export function tokenize(s: string): string[] {
  return fold(prepare(s)).match(/[\p{L}\p{N}]+(?:[-/][\p{L}\p{N}]+)*|#/gu) ?? [];
}

/** The normalized text the Understanding carries: folded, punctuation gone, e-mail kept. */
export function normalizeText(s: string): string {
  return fold(prepare(s))
    .replace(/[^\p{L}\p{N}@.\-/#_\s]/gu, ' ')
    .replace(/(^|\s)[.\-/]+|[.\-/]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
