import { truncate } from '../i18n';
import type { CardJson } from './render';

/** A card's size as sent: its JSON in UTF-8. */
export function cardBytes(card: unknown): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

/**
 * Fits a card under a size limit (a message extension's result card: 28 KB) by shortening its longest texts —
 * the report narratives (logros, dificultades, evidencia) on an indicator card — never its headings, figures,
 * images or buttons. Each pass halves the longest TextBlock/TextRun text (cut at a word, with «…»), down to
 * `minText` characters; the card's structure is kept. Returns a copy (the card itself is not changed); the same object
 * when it already fits. When even the shortest texts do not fit, the shortened card is returned: the caller checks
 * the size.
 */
export function fitCard(card: CardJson, maxBytes: number, minText = 60): CardJson {
  let size = cardBytes(card);
  if (size <= maxBytes) return card;
  const copy = JSON.parse(JSON.stringify(card)) as CardJson;
  const texts: Record<string, unknown>[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== 'object') return;
    const o = n as Record<string, unknown>;
    if ((o.type === 'TextBlock' || o.type === 'TextRun') && typeof o.text === 'string') texts.push(o);
    Object.values(o).forEach(walk);
  };
  walk(copy);
  while (size > maxBytes) {
    let longest: Record<string, unknown> | undefined;
    for (const t of texts)
      if (
        (t.text as string).length > minText &&
        (!longest || (t.text as string).length > (longest.text as string).length)
      )
        longest = t;
    if (!longest) break;
    const text = longest.text as string;
    longest.text = truncate(text, Math.max(minText, Math.floor(text.length / 2)));
    size = cardBytes(copy);
  }
  return copy;
}
