// `conway snapshot --db FILE.duckdb REPORT.json…` and `conway trend --db FILE` — the history of
// reports in DuckDB (analyzer/store; schema in docs/cli.md, `conway snapshot`).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../contract/errors';
import { readReport } from '../org-merge/read';
import { openDb } from '../store/db';
import { takeSnapshot } from '../store/snapshot';
import { groupsLike, readTrend, type TrendRow } from '../store/trend';
import { EXIT, type Command, type Values } from './command';
import { pct, score } from '../report/format';

function dbPath(values: Values, cwd: string): string {
  if (typeof values.db !== 'string') throw new UserError('--db FILE.duckdb is required: the history database');
  return resolve(cwd, values.db);
}

export const snapshotCommand: Command = {
  name: 'snapshot',
  positionals: true,
  summary: "append reports' team, cluster and repository metrics to a DuckDB history database",
  usage: 'conway snapshot --db FILE.duckdb REPORT.json... [--name NAME]',
  help: [
    '--db FILE           the DuckDB database (created with its schema when missing)',
    "--name NAME         the repository name (default: the analysed directory's name; `org` for a merged report)",
    'REPORT.json...      reports of `conway analyze` or `conway merge`; the same repository, commit and window again replaces its rows',
  ],
  options: { db: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  async run(values, positionals, io) {
    const path = dbPath(values, io.cwd);
    if (!positionals.length)
      throw new UserError('give the reports to store, e.g. `conway snapshot --db history.duckdb report.json`');
    const reports = positionals.map((p) => readReport(resolve(io.cwd, p)));
    const db = await openDb(path, 'create');
    try {
      for (const r of reports) {
        const s = await takeSnapshot(db, r, { name: values.name as string | undefined });
        io.stdout(`${s.replaced ? 'replaced' : 'added'} ${s.snapshotId} (${s.teams} teams)\n`);
      }
    } finally {
      db.close();
    }
    return EXIT.ok;
  },
};

export const trendCommand: Command = {
  name: 'trend',
  summary: 'team or cluster metrics period over period, from a snapshot database',
  usage: 'conway trend --db FILE.duckdb [--team T | --cluster C] [--period quarter|month] [--json]',
  help: [
    '--db FILE           a database written by `conway snapshot`',
    '--team T            one team (case-insensitive); default every team',
    '--cluster C         one cluster instead',
    '--period P          quarter (default) or month',
    '--json              machine-readable output',
  ],
  options: {
    db: { type: 'string' },
    team: { type: 'string' },
    cluster: { type: 'string' },
    period: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
  async run(values, _positionals, io) {
    const path = dbPath(values, io.cwd);
    if (!existsSync(path))
      throw new UserError(
        `--db ${values.db as string}: no such database — create it with \`conway snapshot --db ${values.db as string} REPORT.json\``,
      );
    if (values.team && values.cluster) throw new UserError('--team and --cluster exclude each other: pick one');
    const period = (values.period as string | undefined) ?? 'quarter';
    if (period !== 'quarter' && period !== 'month')
      throw new UserError(`--period ${period}: expected quarter or month`);
    const db = await openDb(path, 'read-only');
    try {
      const rows = await readTrend(db, {
        team: values.team as string | undefined,
        cluster: values.cluster as string | undefined,
        period,
      });
      const wanted = (values.team ?? values.cluster) as string | undefined;
      if (!rows.length && wanted !== undefined) {
        // A typo or a short name (`confirmations` for `@MetaMask/confirmations`): say which ids there are.
        const kind = values.cluster !== undefined ? 'cluster' : 'team';
        const { ids, total, near } = await groupsLike(db, wanted, kind === 'cluster');
        const more = !near && ids.length < total ? ', …' : '';
        throw new UserError(
          total
            ? `--${kind} ${wanted}: no ${kind} with that id in ${values.db as string} (${total} ${kind}s) — ${near ? 'did you mean' : 'its ids are like'} ${ids.join(', ')}${more}`
            : `--${kind} ${wanted}: ${values.db as string} holds no ${kind}s${kind === 'cluster' ? " (clusters come from conway.yml or the catalog's parent groups)" : ''}`,
        );
      }
      io.stdout(values.json ? JSON.stringify(rows, null, 2) + '\n' : formatTrend(rows));
    } finally {
      db.close();
    }
    return EXIT.ok;
  },
};

function formatTrend(rows: TrendRow[]): string {
  if (!rows.length) return 'no snapshots match\n';
  const head =
    'period   group                          repos  changes  alignment  delivery ind.  dependency ind.  score  Δ score';
  let prev: TrendRow | undefined;
  const lines = rows.map((r) => {
    const delta =
      prev && prev.group === r.group && prev.score !== null && r.score !== null
        ? (r.score - prev.score >= 0 ? '+' : '') + (r.score - prev.score).toFixed(1)
        : '';
    prev = r;
    return `${r.period.padEnd(8)} ${r.group.padEnd(30)} ${String(r.repositories).padStart(5)}  ${String(r.changes).padStart(7)}  ${pct(r.alignment).padStart(9)}  ${pct(r.deliveryIndependence).padStart(13)}  ${pct(r.dependencyIndependence).padStart(15)}  ${score(r.score).padStart(5)}  ${delta.padStart(7)}`;
  });
  return [head, ...lines].join('\n') + '\n';
}
