#!/usr/bin/env node
/**
 * Builds the dashboard tab's page script and styles (web/tab/) into dist/tab/ with esbuild: one bundle per page
 * (tab.js with Chart.js, TeamsJS in a chunk it loads inside Teams only, config.js for the channel tab's
 * configuration page) and tab.css. Nothing is
 * downloaded: every package comes from node_modules. `npm run build` runs it after tsc; test/global-setup.js and
 * scripts/dev.js call buildTab() too.
 *
 *   node scripts/build-tab.js [--out DIR]
 */
'use strict';

const { join, resolve } = require('node:path');

const ROOT = join(__dirname, '..');

/** Builds into `outDir` (default dist/tab/). Resolves to the files written. */
async function buildTab({ outDir = join(ROOT, 'dist', 'tab') } = {}) {
  const esbuild = require('esbuild');
  const fs = require('node:fs');
  fs.rmSync(outDir, { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: { tab: 'web/tab/main.ts', config: 'web/tab/config.ts', 'tab-style': 'web/tab/tab.css' },
    outdir: outDir,
    entryNames: '[name]',
    bundle: true,
    minify: true,
    sourcemap: false,
    // ES modules with shared chunks: the page loads TeamsJS (a chunk) only inside Teams' frame, so a plain browser
    // never runs it (TeamsJS fetches its list of Teams' origins from a CDN when it loads).
    format: 'esm',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    target: ['chrome110', 'edge110', 'safari16', 'firefox110'],
    legalComments: 'linked',
    logLevel: 'silent',
    metafile: true,
  });
  // tab-style.css -> tab.css (one name per kind, as the page links them)
  fs.renameSync(join(outDir, 'tab-style.css'), join(outDir, 'tab.css'));
  return Object.keys(result.metafile.outputs);
}

if (require.main === module) {
  const at = process.argv.indexOf('--out');
  const outDir = at > 0 ? resolve(process.argv[at + 1]) : undefined;
  buildTab(outDir ? { outDir } : {}).then(
    () => {},
    (e) => {
      console.error(`build-tab: ${e.message}`);
      process.exit(1);
    },
  );
}

module.exports = { buildTab };
