// The architecture of docs/architecture.md, checked by `npm run lint` (dependency-cruiser).
// Each room (a folder of analyzer/) lists the rooms it may import; anything else is an error
// naming the rule. test/architecture.test.ts runs this file on a small tree that breaks every
// rule, so a rule that stops biting fails the tests.
const { existsSync } = require('node:fs');

// room → the rooms (or top-level files) it may import besides itself. npm packages are free
// except where a rule below says otherwise.
const ROOMS = {
  contract: [],
  model: ['contract'],
  collect: ['contract', 'model'],
  metrics: ['contract', 'model'],
  // The HTML report inlines Conway's own built dashboard (dist/webview/), never repository input.
  report: ['contract', 'collect/dashboard-assets\\.ts$'],
  codeowners: ['contract', 'model', 'collect'],
  history: ['contract', 'model', 'collect'],
  imports: ['contract', 'model', 'collect', 'history'],
  people: ['contract', 'model', 'history', 'metrics'],
  teams: ['contract', 'model', 'collect', 'codeowners', 'people', 'history'],
  ownership: ['contract', 'model', 'collect', 'codeowners', 'people', 'teams', 'sources'],
  init: ['contract', 'model'],
  // Rooms being added beside these: team interactions, ownership sources, organization merge, report history.
  org: ['contract', 'model', 'metrics'],
  sources: ['contract', 'model', 'collect', 'codeowners', 'teams', 'people'],
  // Merging recomputes from counts with the metrics' own formulas and renders with the reporters.
  'org-merge': ['contract', 'model', 'metrics', 'report', 'imports'],
  store: ['contract', 'model', 'collect', 'metrics'],
  pipeline: ['contract', 'model', 'collect', 'codeowners', 'history', 'imports', 'metrics', 'ownership', 'people', 'teams', 'org'],
  review: ['contract', 'model', 'collect', 'codeowners', 'history', 'imports', 'metrics', 'ownership', 'pipeline', 'teams', 'sources'],
  cli: ['*'],
};
// The editor uses the library through these entry points only (conway.yml's publicApi says the same).
const EDITOR_API = ['analyze\\.ts', 'protocol\\.ts', 'contract/', 'report/', 'model/types\\.ts', 'ownership/index\\.ts'];
// File system, processes and the network: collect/ (the hardened readers and git runner) and
// cli/ (arguments, output files) in the analyzer; the editor glue may watch and open files.
const IO_MODULES = '^(node:)?(fs|fs/promises|child_process|worker_threads|net|http|https|dgram|cluster)$';

const alt = (parts) => `(${parts.join('|')})`;
const asPath = (r) => (r.includes('/') ? r : `${r}/`);
const roomRules = Object.entries(ROOMS)
  .filter(([, allowed]) => !allowed.includes('*'))
  .map(([room, allowed]) => ({
    name: `room-${room}`,
    comment: `analyzer/${room}/ may import only ${allowed.length ? allowed.map(asPath).join(', ') : 'itself'} (docs/architecture.md)`,
    severity: 'error',
    from: { path: `^analyzer/${room}/` },
    to: { path: '^analyzer/', pathNot: `^analyzer/${alt([room, ...allowed].map(asPath))}` },
  }));

module.exports = {
  forbidden: [
    ...roomRules,
    {
      name: 'room-top',
      comment: 'analyze.ts, worker.ts and protocol.ts compose the rooms; they never reach into cli/',
      severity: 'error',
      from: { path: '^analyzer/[^/]+$' },
      to: { path: '^analyzer/cli/' },
    },
    {
      name: 'known-room',
      comment: 'every analyzer folder is a room listed in .dependency-cruiser.cjs and docs/architecture.md',
      severity: 'error',
      from: { path: '^analyzer/[^/]+/', pathNot: `^analyzer/${alt(Object.keys(ROOMS).map((r) => `${r}/`))}` },
      to: {},
    },
    {
      name: 'io-only-where-designed',
      comment: 'only collect/, cli/, org-merge/ and store/ touch the file system or start processes; other rooms go through collect/',
      severity: 'error',
      // org-merge streams the user's report files through temp files (bounded memory) and store/
      // owns its database file: both read and write only files the user named, never a repository.
      from: { path: '^analyzer/', pathNot: '^analyzer/(collect|cli|org-merge|store)/' },
      to: { dependencyTypes: ['core'], path: IO_MODULES },
    },
    {
      name: 'vscode-only-in-extension',
      comment: 'only extension/ imports vscode: the analyzer runs in the CLI, CI and a worker; the webview in a browser',
      severity: 'error',
      from: { pathNot: '^extension/' },
      to: { path: '^vscode$' },
    },
    {
      name: 'webview-own-files',
      comment: 'webview/ runs in a browser: it imports its own files, the report contract and npm packages, nothing of Node',
      severity: 'error',
      from: { path: '^webview/' },
      to: { pathNot: '^(webview/|analyzer/contract/|node_modules/)' },
    },
    {
      name: 'extension-through-api',
      comment: `extension/ uses the analyzer through its entry points only: ${EDITOR_API.join(', ')}`,
      severity: 'error',
      from: { path: '^extension/' },
      to: { path: '^analyzer/', pathNot: `^analyzer/${alt(EDITOR_API)}` },
    },
    {
      name: 'no-analyzer-to-editor',
      comment: 'the analyzer never imports the editor or the webview',
      severity: 'error',
      from: { path: '^analyzer/' },
      to: { path: '^(extension|webview)/' },
    },
    {
      name: 'no-cycles',
      comment: 'imports point one way: a cycle means two files belong together or a shared part belongs lower',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/' },
    tsPreCompilationDeps: true,
    ...(existsSync('tsconfig.json') ? { tsConfig: { fileName: 'tsconfig.json' } } : {}),
    enhancedResolveOptions: { extensions: ['.ts', '.mts', '.js', '.mjs', '.json'] },
  },
};
