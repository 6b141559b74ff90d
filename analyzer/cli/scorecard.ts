// `conway scorecard` — the scorecard per team and cluster, per period, with cluster fit: the whole
// analysis, then only its Scorecard (and Cluster fit) in Markdown, JSON or one HTML page.
import { UserError } from '../contract/errors';
import type { Report } from '../contract/report';
import { escapeControls } from '../model/quote';
import { esc } from '../report/markdown';
import { h } from '../report/html-parts';
import {
  clusterFitMarkdown,
  scopesOf,
  scorecardHtml,
  scorecardMarkdown,
  type ScopeFilter,
} from '../report/scorecard-view';
import { analysisHelp, analysisOptions, toAnalyzeOptions } from './analysis-options';
import { EXIT, type Command } from './command';
import { checkOutDir, writeOutput } from './output';
import { analyzeWithProgress } from './progress';
import { resolveRoot } from './repo-options';
import { resolve } from 'node:path';

const FORMATS = ['md', 'json', 'html'];

export const scorecardCommand: Command = {
  name: 'scorecard',
  summary:
    'per team and cluster, per quarter or month: autonomy and team work beside the previous period, where to improve',
  usage:
    'conway scorecard [--repo DIR] [--team T | --cluster C] [--period quarter|month] [--format md|json|html] [--out FILE]',
  help: [
    '--team T            only team T, every period (else the latest period of every team and cluster)',
    '--cluster C         only cluster C, every period',
    '--format F          md (default), json (the scorecard and clusterFit sections) or html (one page)',
    '--out FILE          write to FILE instead of stdout',
    ...analysisHelp,
  ],
  options: {
    ...analysisOptions,
    team: { type: 'string' },
    cluster: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const format = (values.format as string | undefined) ?? (values.json ? 'json' : 'md');
    if (!FORMATS.includes(format)) throw new UserError(`--format ${format}: expected one of ${FORMATS.join(', ')}`);
    if (values.team !== undefined && values.cluster !== undefined)
      throw new UserError('--team and --cluster each pick one scope: give one of them');
    const only: ScopeFilter =
      values.team !== undefined
        ? { kind: 'team', id: String(values.team) }
        : values.cluster !== undefined
          ? { kind: 'cluster', id: String(values.cluster) }
          : null;
    if (values.out) checkOutDir(resolve(io.cwd, values.out as string));
    const root = await resolveRoot(values, io, true);
    const report = await analyzeWithProgress(root, toAnalyzeOptions(values, io.cwd), io);
    if (only && !scopesOf(report, only).length) {
      const known =
        (only.kind === 'team' ? report.scorecard?.teams : report.scorecard?.clusters)?.map((s) => s.id) ?? [];
      throw new UserError(
        `--${only.kind} ${escapeControls(only.id)}: no such ${only.kind} in ${root}${known.length ? ` (${only.kind}s: ${known.slice(0, 20).map(escapeControls).join(', ')}${known.length > 20 ? ', …' : ''})` : ''}`,
      );
    }
    writeOutput(render(format, report, only), values.out as string | undefined, io);
    return EXIT.ok;
  },
};

function render(format: string, r: Report, only: ScopeFilter): string {
  if (format === 'json') {
    const card =
      r.scorecard && only
        ? {
            ...r.scorecard,
            teams: scopesOf(r, only).filter((s) => s.kind === 'team'),
            clusters: scopesOf(r, only).filter((s) => s.kind === 'cluster'),
          }
        : r.scorecard;
    return JSON.stringify(
      {
        schemaVersion: r.schemaVersion,
        repo: r.repo,
        window: r.window,
        scorecard: card ?? null,
        clusterFit: only ? undefined : (r.clusterFit ?? null),
      },
      null,
      2,
    );
  }
  if (format === 'md')
    return (
      [
        `# Scorecard: ${esc(r.repo.root.split('/').pop() ?? r.repo.root)}`,
        ...scorecardMarkdown(r, esc, only),
        ...(only ? [] : clusterFitMarkdown(r, esc)),
      ].join('\n') + '\n'
    );
  const title = `Scorecard: ${r.repo.root.split('/').pop() ?? r.repo.root}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(title)}</title><style>body{font:14px/1.45 system-ui,sans-serif;margin:24px}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:4px 8px;vertical-align:top}.muted{color:#656d76}.multiple rect{fill:#9ec5f0}.multiple rect.last{fill:#0969da}</style></head><body>
<h1>${h(title)}</h1>
${scorecardHtml(r, only)}
</body></html>
`;
}
