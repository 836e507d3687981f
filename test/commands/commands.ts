/**
 * Every `npm …` command that README.md, CONTRIBUTING.md and docs/*.md show, and how it is covered. One entry per
 * command line, exactly as written in the documents (after `#` comments are dropped and `a && b` is split).
 * readme-commands.test.ts fails when a document shows a command missing here, when an entry here is shown by no
 * document any more, and when an entry marked `spawned` was not spawned by that file.
 *
 * To document a new command: add it here, and spawn it in readme-commands.test.ts with `typed('…')` (or mark it
 * `ci` and run it in .ci/run when it cannot run inside `npm test`).
 */
export type Coverage =
  /** spawned by readme-commands.test.ts, as written */
  | 'spawned'
  /** run by .ci/run (checked), too slow or needing Chromium for `npm test` */
  | 'ci'
  /** `npm test` itself */
  | 'self'
  /** a form with placeholders (docs/interfaces.md): `by` is the spawned command that exercises it */
  | 'template'
  /** a developer's script (lint, format, a subset of the tests, the layer check): checked to be in package.json */
  | 'developer'
  /** documented in the contract (docs/interfaces.md) but not built yet: no test can run it */
  | 'pending';

export const COMMANDS: { command: string; how: Coverage; by?: string; note?: string }[] = [
  { command: 'npm install', how: 'ci', note: '.ci/run installs from nothing with it' },
  { command: 'npm test', how: 'self', note: 'this suite; .ci/run runs it' },
  { command: 'CI=true npm test', how: 'self', note: 'this suite with PostgreSQL required; .ci/run runs it so' },
  { command: 'npm start', how: 'spawned' },
  { command: 'npm run dev', how: 'spawned' },
  { command: 'npm run dev -- --open', how: 'spawned' },
  { command: 'PEI_NOW=2025-07-03 npm run dev', how: 'spawned' },
  { command: 'npm run demo', how: 'spawned' },
  { command: 'npm run demo -- --como responsable', how: 'spawned' },
  { command: 'npm run --silent cli -- status --year 2025 --as-of 2025-06-30 --json', how: 'spawned' },
  { command: 'npm run cli -- status', how: 'spawned' },
  { command: 'npm run cli -- check-plan', how: 'spawned' },
  { command: 'npm run --silent cli -- check-plan', how: 'spawned' },
  { command: 'npm run cli -- import-reports reportes.csv', how: 'spawned' },
  { command: 'npm run cli -- import-reports archivo.csv', how: 'spawned' },
  { command: 'npm run cli -- export --year 2025 --quarter 2 --out seguimiento-T2.xlsx', how: 'spawned' },
  { command: 'npm run cli -- plan export --out plan.xlsx', how: 'spawned' },
  {
    command: 'npm run cli -- plan import plan.xlsx --reason "Resolución 45 de 2025" --effective 2025-09-01',
    how: 'spawned',
  },
  { command: 'npm run cli -- plan versions', how: 'spawned' },
  { command: 'npm run package -- --env dev', how: 'spawned' },
  { command: 'npm run package -- --env playground', how: 'spawned' },
  { command: 'npm run package', how: 'spawned' },
  { command: 'npm run test:e2e', how: 'ci', note: 'needs Chromium; .ci/run runs it' },
  {
    command: 'PEI_E2E_UPDATE_DOCS=1 npm run test:e2e',
    how: 'ci',
    note: 'the e2e test of .ci/run, also rewriting the README image',
  },
  { command: 'npm run bench', how: 'ci', note: 'several minutes; .ci/run runs it' },
  { command: 'BENCH_SMOKE=1 npm run bench', how: 'ci', note: 'the short smoke of every scenario; .ci/run runs it' },
  { command: 'npm run bench:pg', how: 'ci', note: 'its own PostgreSQL, about 2 minutes; .ci/run runs it' },
  {
    command: 'BENCH_ONLY=fanout npm run bench:pg',
    how: 'ci',
    note: 'one scenario of bench:pg (the digest fan-out); .ci/run runs every scenario as a smoke',
  },
  { command: 'BENCH_ONLY=rate npm run bench:pg', how: 'ci', note: 'one scenario of bench:pg (the 50 req/s open loop)' },
  {
    command: 'BENCH_ONLY=b,growth BENCH_SIZES=100000 BENCH_ROUNDS=1 BENCH_NO_DOC=1 npm run bench',
    how: 'ci',
    note: 'the cold open and memory rows alone; .ci/run runs npm run bench as a smoke',
  },
  // CONTRIBUTING.md's loop: a developer's scripts
  { command: 'npm run test:unit', how: 'developer', note: 'the pure tests, apart from the integration tests' },
  { command: 'npm run lint', how: 'developer', note: 'ESLint; .ci/run runs it' },
  { command: 'npm run format', how: 'developer', note: 'Prettier, writes the files' },
  { command: 'npm run depcruise', how: 'developer', note: 'the layer rules; the suite runs the same check' },
  { command: 'npm run typecheck', how: 'developer' },
  { command: 'npm run build', how: 'developer', note: 'tsc and the dashboard tab bundle (esbuild); npm start runs it' },
  // docs/interfaces.md writes the contract's command forms with placeholders
  {
    command: 'npm run cli -- status --year AAAA --as-of AAAA-MM-DD --json',
    how: 'template',
    by: 'npm run --silent cli -- status --year 2025 --as-of 2025-06-30 --json',
  },
  {
    command: 'npm run cli -- import-reports ARCHIVO.csv',
    how: 'template',
    by: 'npm run cli -- import-reports reportes.csv',
  },
  {
    command: 'npm run cli -- export --year AAAA --quarter T --out ARCHIVO.xlsx',
    how: 'template',
    by: 'npm run cli -- export --year 2025 --quarter 2 --out seguimiento-T2.xlsx',
  },
  {
    command: 'npm run cli -- migrate-store --from data/db.json --to "$PEI_DATABASE_URL"',
    how: 'spawned',
    note: "against the test run's PostgreSQL (skipped, said, without one)",
  },
  {
    command: 'npm run cli -- plan export --out ARCHIVO.xlsx',
    how: 'template',
    by: 'npm run cli -- plan export --out plan.xlsx',
  },
  {
    command: 'npm run cli -- plan import ARCHIVO.xlsx --reason "TEXTO" --effective AAAA-MM-DD',
    how: 'template',
    by: 'npm run cli -- plan import plan.xlsx --reason "Resolución 45 de 2025" --effective 2025-09-01',
  },
  {
    command: 'npm run cli -- plan versions --json',
    how: 'template',
    by: 'npm run cli -- plan versions',
    note: 'readme-commands.test.ts runs it with --silent and reads the JSON',
  },
  {
    command: 'npm run cli -- migrate-store --from ARCHIVO --to URL',
    how: 'template',
    by: 'npm run cli -- migrate-store --from data/db.json --to "$PEI_DATABASE_URL"',
  },
];
