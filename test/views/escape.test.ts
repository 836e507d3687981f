import MarkdownIt from 'markdown-it';
import { escapeMarkdown } from '../../src/views/escape';
import { messageCard } from '../../src/views/message-cards';

/** User text must read, once a markdown renderer has run, exactly as it was typed. */
const md = new MarkdownIt({ html: false, linkify: false });
const rendered = (s: string) => md.renderInline(s);
const plain = (s: string) => md.utils.escapeHtml(s);

test.each([
  '[clic aquí](https://evil.example/robo)',
  '<https://evil.example/autolink>',
  '**urgente** y _cursiva_ y ~~tachado~~ y `código`',
  "=cmd|' /C calc'!A0",
  'C:\\ruta\\archivo (v2) #3 | 100% ¡listo!',
  'Ana [Soporte](javascript:alert(1))',
])('%s renders as the literal text, without links or emphasis', (text) => {
  const html = rendered(escapeMarkdown(text));
  expect(html).toBe(plain(text));
  expect(html).not.toMatch(/<a |<strong>|<em>|<code>|<s>/);
});

test('list and quote markers at line starts stay text', () => {
  const html = md.render(escapeMarkdown('- uno\n+ dos\n1. tres\n> cita'));
  expect(html).not.toMatch(/<li>|<ol|<ul|<blockquote>/);
  expect(html).toContain('- uno');
  expect(html).toContain('1. tres');
});

test('ordinary text is unchanged, empty stays empty', () => {
  expect(escapeMarkdown('Portal en pruebas con 3 entidades (fase 1).')).toBe(
    'Portal en pruebas con 3 entidades (fase 1).',
  );
  expect(escapeMarkdown(undefined)).toBe('');
});

test('on a rendered card: what the user typed is echoed escaped', () => {
  const card = messageCard({ text: `Escribiste: ${escapeMarkdown('[x](https://evil.example)')}` }) as any;
  const text = JSON.stringify(card);
  expect(md.render(card.body.find((b: any) => /Escribiste/.test(b.text)).text)).not.toContain('<a ');
  expect(text).toContain('\\\\[x\\\\]');
});
