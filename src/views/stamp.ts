import type { CardJson } from './render';

/**
 * Adds `fields` to the data of every Action.Submit and Action.Execute of a card (its buttons, its forms' submits and
 * its `refresh`), so that what a person taps carries what the card was drawn with: the reply language (teams/), the
 * plan (chat/router.ts, digests). A field a button already carries is kept. The objects on the way to an action are
 * copied, the rest is shared with the card (neither is changed afterwards).
 */
export function stampActions(card: CardJson, fields: Readonly<Record<string, unknown>>, keep = false): CardJson {
  const copy = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < node.length; i++) {
        const v = copy(node[i]);
        if (v !== node[i]) (out ??= node.slice())[i] = v;
      }
      return out ?? node;
    }
    if (!node || typeof node !== 'object') return node;
    const o = node as Record<string, unknown>;
    let out: Record<string, unknown> | null = null;
    for (const k in o) {
      const x = o[k];
      if (!x || typeof x !== 'object') continue;
      const v = copy(x);
      if (v !== x) (out ??= { ...o })[k] = v;
    }
    if (
      (o.type === 'Action.Submit' || o.type === 'Action.Execute') &&
      (o.data === undefined || (typeof o.data === 'object' && !Array.isArray(o.data)))
    ) {
      out ??= { ...o };
      const data = (out.data ?? {}) as Record<string, unknown>;
      const added = keep ? Object.entries(fields).filter(([k]) => !(k in data)) : Object.entries(fields);
      out.data = { ...data, ...Object.fromEntries(added) };
    }
    return out ?? o;
  };
  return copy(card) as CardJson;
}
