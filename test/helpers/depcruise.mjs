// Runs dependency-cruiser's API over src/ with the repository's rules (.dependency-cruiser.cjs) and prints, as JSON,
// its violations and the import graph between folders of src/. An ES module run by node (dependency-cruiser 17 is
// ESM-only, which jest's CommonJS runtime cannot load): test/architecture.test.ts spawns it.
// Usage: node test/helpers/depcruise.mjs [config file] (from the repository's root).
import { resolve } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const configFile = resolve(process.argv[2] ?? '.dependency-cruiser.cjs');
const options = await extractDepcruiseOptions(configFile);
const tsConfig = extractTSConfig(options.tsConfig?.fileName ?? 'tsconfig.json');
const { output } = await cruise(['src'], options, {}, { tsConfig });

/** src/<folder>/… -> the folder; a file at src/'s root is a node of its own (src/main.ts). */
const nodeOf = (path) => /^src\/([^/]+)\//.exec(path)?.[1] ?? (path.startsWith('src/') ? path.slice(4) : null);
const folderEdges = new Set();
for (const m of output.modules) {
  const from = nodeOf(m.source);
  if (!from) continue;
  for (const d of m.dependencies) {
    const to = nodeOf(d.resolved);
    if (to && to !== from) folderEdges.add(`${from} -> ${to}`);
  }
}

process.stdout.write(
  JSON.stringify({
    modules: output.summary.totalCruised,
    dependencies: output.summary.totalDependenciesCruised,
    violations: output.summary.violations.map((v) => ({
      rule: v.rule.name,
      from: v.from,
      to: v.to,
      cycle: v.cycle?.map((c) => c.name),
    })),
    folderEdges: [...folderEdges].sort(),
  }),
);
