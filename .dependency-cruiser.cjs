/**
 * The layer rules of src/ (docs/architecture.md), checked by dependency-cruiser 17:
 *   npx depcruise src --config .dependency-cruiser.cjs     (npm run depcruise)
 * and by test/architecture.test.ts with every test run.
 *
 * Floors, bottom to top: domain/ (records and codes) <- i18n/ (words) <- calendar/ <- the capabilities <- chat/
 * (the conversation, no Teams types) <- the adapters teams/, http/, mcp/, cli/ <- src/main.ts (the one composition root).
 * The files at src/'s root: paths.ts and log.ts sit under every floor (they import nothing of ours); config.ts and
 * link-secret.ts are read by the adapters and main.ts only. Type-only imports count like any other
 * (tsPreCompilationDeps). test/architecture.test.ts also checks that no two folders import each other.
 */

/** The folders of src/ from the bottom up: a folder may import only folders before it in this list. */
const FLOORS = [
  'domain',
  'i18n',
  'calendar',
  // The capabilities, in the order their imports run today (siblings never import each other both ways).
  'store',
  'plan',
  'language',
  'progress',
  'reports',
  'digest',
  'views',
  'outputs',
  'chat',
  // The adapters: none imports another.
  'teams',
  'http',
  'mcp',
  'cli',
  'tab',
];

/** The adapters on top: Teams, HTTP, MCP, command line, the dashboard tab; none imports another. */
const ADAPTERS = ['teams', 'http', 'mcp', 'cli', 'tab'];

const folder = (name) => `^src/${name}/`;
const anyOf = (names) => `^src/(${names.join('|')})/`;

/** One rule per floor: it imports nothing above it (nor an adapter beside it). */
const floorRules = FLOORS.map((name, i) => {
  const above = FLOORS.slice(i + 1);
  if (ADAPTERS.includes(name)) {
    const others = ADAPTERS.filter((x) => x !== name);
    return {
      name: `floor-${name}`,
      comment: `${name}/ is an adapter: it does not import another adapter (${others.join(', ')}) nor the composition root.`,
      severity: 'error',
      from: { path: folder(name) },
      to: { path: [anyOf(others), '^src/main\\.ts$'] },
    };
  }
  return {
    name: `floor-${name}`,
    comment: `${name}/ imports only the floors below it (${FLOORS.slice(0, i).join(', ') || 'nothing of ours'}).`,
    severity: 'error',
    from: { path: folder(name) },
    to: { path: [...(above.length ? [anyOf(above)] : []), '^src/(main|config|link-secret)\\.ts$'] },
  };
}).filter((r) => r.to.path.length > 0);

const CAPABILITIES = ['calendar', 'store', 'plan', 'language', 'progress', 'reports', 'digest', 'views', 'outputs'];

/** Packages that one folder of src/ only may import (the two promises of docs/architecture.md). */
const onlyFrom = (name, packages, home) => ({
  name,
  comment: `${packages} only from src/${home}/`,
  severity: 'error',
  from: { path: '^src/', pathNot: folder(home) },
  to: { path: `(^|/)node_modules/(${packages})(/|$)` },
});

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycle between files (type-only imports count).',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-imports-nothing',
      comment: 'src/domain/ holds the records and codes everything shares; it imports nothing of ours.',
      severity: 'error',
      from: { path: folder('domain') },
      to: { path: '^src/', pathNot: folder('domain') },
    },
    {
      name: 'i18n-only-domain',
      comment: 'The words (src/i18n/) import only the domain.',
      severity: 'error',
      from: { path: folder('i18n') },
      to: { path: '^src/', pathNot: [folder('i18n'), folder('domain')] },
    },
    {
      name: 'capabilities-below-the-edges',
      comment:
        'A capability never imports chat/, an adapter or the composition root (they return codes and facts; the edges word them).',
      severity: 'error',
      from: { path: anyOf(CAPABILITIES) },
      to: { path: [anyOf(['chat', ...ADAPTERS]), '^src/(main|config|link-secret)\\.ts$'] },
    },
    {
      name: 'chat-without-adapters',
      comment:
        'chat/ is the conversation without Teams types: it never imports teams/, http/, cli/ or the composition root.',
      severity: 'error',
      from: { path: folder('chat') },
      to: { path: [anyOf(ADAPTERS), '^src/(main|config|link-secret)\\.ts$'] },
    },
    {
      name: 'root-helpers-are-leaves',
      comment: 'src/paths.ts and src/log.ts sit under every floor: they import nothing of ours.',
      severity: 'error',
      from: { path: '^src/(paths|log)\\.ts$' },
      to: { path: '^src/' },
    },
    ...floorRules,
    onlyFrom('bot-framework-only-in-teams', 'botbuilder[^/]*|botframework[^/]*|@microsoft/teams-ai', 'teams'),
    onlyFrom('restify-only-in-http', 'restify[^/]*', 'http'),
    onlyFrom('lowdb-and-pg-only-in-store', 'lowdb|steno|pg|pg-[^/]*|node-pg-migrate', 'store'),
    onlyFrom('exceljs-only-in-outputs', 'exceljs', 'outputs'),
    onlyFrom('mcp-sdk-only-in-mcp', '@modelcontextprotocol/sdk', 'mcp'),
    onlyFrom('jose-only-in-tab', 'jose', 'tab'),
    {
      name: 'no-orphans',
      comment: 'Every module of src/ is imported or imports something (a file nobody uses is deleted).',
      severity: 'error',
      from: { orphan: true, pathNot: '\\.d\\.ts$' },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
