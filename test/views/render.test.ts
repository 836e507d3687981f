import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cardAttachment, cardsDir, loadTemplate, renderCard, TEMPLATE_NAMES } from '../../src/views/render';

const TEXT_KEYS = new Set(['text', 'title', 'value', 'label', 'placeholder', 'altText', 'fallbackText', 'speak']);

describe('the templates in cards/', () => {
  test('cards/ is found from src/ and holds a template for each status card', () => {
    const files = readdirSync(cardsDir()).filter((f) => f.endsWith('.json'));
    expect(files).toEqual(expect.arrayContaining([...TEMPLATE_NAMES].map((n) => `${n}.json`)));
  });

  test.each([...TEMPLATE_NAMES])('%s is an Adaptive Card 1.5 template', (name) => {
    const t = JSON.parse(readFileSync(join(cardsDir(), `${name}.json`), 'utf8'));
    expect(t.$schema).toBe('http://adaptivecards.io/schemas/adaptive-card.json');
    expect(t.type).toBe('AdaptiveCard');
    expect(t.version).toBe('1.5');
  });

  test.each([...TEMPLATE_NAMES])('%s holds layout only: every word comes from the data', (name) => {
    const literal: string[] = [];
    const walk = (v: unknown, key: string) => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, key));
      else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => walk(x, k));
      else if (typeof v === 'string' && TEXT_KEYS.has(key) && !/^\$\{[^}]+\}$/.test(v)) literal.push(`${key}: ${v}`);
    };
    walk(loadTemplate(name), '');
    expect(literal).toEqual([]);
  });
});

describe('renderCard', () => {
  test('expands the data and reads each template once', () => {
    const a = renderCard('message', {
      title: 'Hola',
      color: 'default',
      text: 'Uno',
      facts: null,
      rows: [],
      actions: [],
    });
    const b = renderCard('message', {
      title: null,
      color: 'default',
      text: 'Dos',
      facts: null,
      rows: [],
      actions: [{ title: 'Ver el plan', data: { verb: 'show-plan' } }],
    });
    expect(JSON.stringify(a)).toContain('"Hola"');
    expect(JSON.stringify(b)).not.toContain('Hola');
    expect(JSON.stringify(b)).toContain('"Dos"');
    expect(b.actions).toEqual([{ type: 'Action.Submit', title: 'Ver el plan', data: { verb: 'show-plan' } }]);
    expect(loadTemplate('message')).toBe(loadTemplate('message'));
  });

  test('text from the data is never expanded again', () => {
    const c = renderCard('message', {
      title: null,
      color: 'default',
      text: 'dice ${title} y {x}',
      facts: null,
      rows: [],
      actions: [],
    });
    expect(JSON.stringify(c)).toContain('dice ${title} y {x}');
  });

  test('an unknown template is an error that names it', () => {
    expect(() => renderCard('no-such-card', {})).toThrow(/no-such-card/);
    expect(() => renderCard('../package', {})).toThrow(/no válido/);
  });

  test('cardAttachment wraps a card for a Bot Framework activity', () => {
    const card = renderCard('message', {
      title: null,
      color: 'default',
      text: 'x',
      facts: null,
      rows: [],
      actions: [],
    });
    expect(cardAttachment(card)).toEqual({ contentType: 'application/vnd.microsoft.card.adaptive', content: card });
  });
});
