import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The layer rules of src/ (.dependency-cruiser.cjs, docs/architecture.md) hold: dependency-cruiser's API runs over
 * src/ with them (in a node child: dependency-cruiser is ESM-only) and every violation is listed. Besides the rules,
 * the import graph between folders has no cycle and every folder of src/ has its floor in the rules.
 */

interface Violation {
  rule: string;
  from: string;
  to: string;
  cycle?: string[];
}

interface Cruise {
  modules: number;
  violations: Violation[];
  folderEdges: string[];
}

const root = join(__dirname, '..');

function runCruise(): Cruise {
  const r = spawnSync(
    process.execPath,
    [join(root, 'test/helpers/depcruise.mjs'), join(root, '.dependency-cruiser.cjs')],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (r.status !== 0) throw new Error(`dependency-cruiser failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as Cruise;
}

/** The strongly connected groups of more than one node (Tarjan): each is a set of folders that import each other. */
function cycles(edges: string[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) {
    const [a, b] = e.split(' -> ');
    next.set(a, [...(next.get(a) ?? []), b]);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return out;
}

const describeViolation = (v: Violation) =>
  `${v.rule}: ${v.from} → ${v.to}${v.cycle ? ` (cycle: ${[v.from, ...v.cycle].join(' → ')})` : ''}`;

describe('the layers of src/ hold (.dependency-cruiser.cjs)', () => {
  let result: Cruise;
  beforeAll(() => {
    result = runCruise();
  }, 120_000);

  test('dependency-cruiser finds no violation of the rules', () => {
    expect(result.modules).toBeGreaterThan(100);
    expect(result.violations.map(describeViolation)).toEqual([]);
  });

  test('no two folders of src/ import each other, directly or around a loop', () => {
    expect(result.folderEdges.length).toBeGreaterThan(10);
    expect(cycles(result.folderEdges).map((c) => c.join(' ↔ '))).toEqual([]);
  });

  test('every folder of src/ has its floor in the rules', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = require('../.dependency-cruiser.cjs') as { forbidden: { name: string }[] };
    const floors = new Set(
      config.forbidden
        .map((r) => r.name)
        .filter((n) => n.startsWith('floor-'))
        .map((n) => n.slice('floor-'.length)),
    );
    const folders = readdirSync(join(root, 'src'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.filter((f) => !floors.has(f))).toEqual([]);
  });
});
