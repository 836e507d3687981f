import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The documents as a reader meets them: a short README, links that lead somewhere, every configuration variable
 * explained to the operator, decisions filed by subject. Plain file reads: no build, no server.
 * (The commands the documents show are run by test/commands/.)
 */

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs');
const DOCUMENTS = [
  join(ROOT, 'README.md'),
  join(ROOT, 'CONTRIBUTING.md'),
  ...readdirSync(DOCS)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(DOCS, f)),
];
const read = (file: string) => readFileSync(file, 'utf8');

/** The text outside fenced code blocks (links and headings are not read inside code). */
const prose = (text: string) =>
  text
    .split(/^```/m)
    .filter((_, i) => i % 2 === 0)
    .join('\n');

/** GitHub's anchor of a heading: lower case, punctuation dropped (letters with accents kept), spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .replace(/ /g, '-');

const anchorsOf = (file: string) =>
  new Set([...prose(read(file)).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => slug(m[1])));

describe('the front door', () => {
  test('README.md is short (well under 200 lines) and in Spanish, with the developer pointers', () => {
    const readme = read(join(ROOT, 'README.md'));
    expect(readme.split('\n').length).toBeLessThan(120);
    expect(readme).toContain('## Inicio rápido');
    expect(readme).toContain('docs/images/playground-objetivo.png');
    for (const target of [
      'CONTRIBUTING.md',
      'docs/architecture.md',
      'docs/guia-de-uso.md',
      'docs/operacion.md',
      'docs/decisions.md',
    ]) {
      expect({ target, linked: readme.includes(`](${target})`) }).toEqual({ target, linked: true });
    }
  });

  test('every relative link of README.md, CONTRIBUTING.md and docs/*.md leads to a file (and heading) that exists', () => {
    const broken: string[] = [];
    for (const file of DOCUMENTS) {
      for (const m of prose(read(file)).matchAll(/\]\(([^)\s]+)\)|<img src="([^"]+)"/g)) {
        const link = m[1] ?? m[2];
        if (/^[a-z]+:/i.test(link)) continue; // https:, mailto:
        const [path, anchor] = link.split('#');
        const target = path ? resolve(dirname(file), path) : file;
        const where = `${relative(ROOT, file)}: ${link}`;
        if (!existsSync(target)) broken.push(`${where} (no such file)`);
        else if (anchor && statSync(target).isFile() && target.endsWith('.md') && !anchorsOf(target).has(anchor))
          broken.push(`${where} (no such heading)`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('docs/operacion.md explains every variable of .env.example', () => {
    const variables = [...read(join(ROOT, '.env.example')).matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(15);
    const ops = read(join(DOCS, 'operacion.md'));
    expect(variables.filter((v) => !ops.includes(`\`${v}\``))).toEqual([]);
  });

  test('docs/decisions.md is filed by subject, not by issue number', () => {
    const headings = [...prose(read(join(DOCS, 'decisions.md'))).matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => m[1]);
    expect(headings.length).toBeGreaterThan(8);
    expect(headings.filter((h) => /\bissues?\s*\d/i.test(h))).toEqual([]);
  });
});
