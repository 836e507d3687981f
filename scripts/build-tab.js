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

const { join, relative, resolve, sep } = require('node:path');

const ROOT = join(__dirname, '..');

/**
 * Builds into `outDir` (default dist/tab/). Resolves to the files written. The bundle is written beside it and then
 * takes its place by renames, so a bot serving /tab/ while a build runs (`npm run build` or `npm run dev` next to a
 * running bot, the test run's two workers) never finds the folder missing or half-written.
 */
async function buildTab({ outDir = join(ROOT, 'dist', 'tab') } = {}) {
  const esbuild = require('esbuild');
  const fs = require('node:fs');
  const fresh = `${outDir}.new-${process.pid}`;
  const old = `${outDir}.old-${process.pid}`;
  fs.rmSync(fresh, { recursive: true, force: true });
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: { tab: 'web/tab/main.ts', config: 'web/tab/config.ts', 'tab-style': 'web/tab/tab.css' },
      outdir: fresh,
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
    fs.renameSync(join(fresh, 'tab-style.css'), join(fresh, 'tab.css'));
    fs.rmSync(old, { recursive: true, force: true });
    if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
    try {
      fs.renameSync(fresh, outDir);
    } catch (e) {
      // another build put its bundle there between the two renames: the same sources, keep that one
      if (e.code !== 'ENOTEMPTY' && e.code !== 'EEXIST') throw e;
    }
  } finally {
    fs.rmSync(fresh, { recursive: true, force: true });
    fs.rmSync(old, { recursive: true, force: true });
  }
  // the files as they are now, under outDir
  return Object.keys(result.metafile.outputs).map((f) =>
    f.replace(relative(ROOT, fresh).split(sep).join('/'), relative(ROOT, outDir).split(sep).join('/')),
  );
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
