// `conway merge REPORT.json…` — one organization report from per-repository reports (docs/cli.md,
// `conway merge`): teams joined across repositories, ratios recomputed from summed counts,
// package dependencies between repositories, bounded memory (analyzer/org-merge).
import { resolve } from 'node:path';
import { UserError } from '../contract/errors';
import { mergeReports } from '../org-merge/merge';
import { renderMerged, toFileInChunks, writeMergedJson } from '../org-merge/write';
import { EXIT, type Command } from './command';
import { checkOutDir, writeOutput } from './output';

const FORMATS = ['json', 'md', 'html'];

export const mergeCommand: Command = {
  name: 'merge',
  positionals: true,
  summary: 'one organization report from the reports of several repositories',
  usage: 'conway merge REPORT.json... [--out FILE] [--format json|md|html]',
  help: [
    'REPORT.json...      reports written by `conway analyze --format json`, one per repository',
    "                    (named by the analysed directory's name; NAME=REPORT.json names it)",
    '--format F          json (default, streamed), md or html (the dashboard page)',
    '--out FILE          write the merged report to FILE instead of stdout',
    '--min-sample N      a merged autonomy component from fewer commits, changes or edges is "–" (10)',
  ],
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    'min-sample': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  async run(values, positionals, io) {
    const format = (values.format as string | undefined) ?? 'json';
    if (!FORMATS.includes(format)) throw new UserError(`--format ${format}: expected json, md or html`);
    if (!positionals.length)
      throw new UserError('give the reports to merge, e.g. `conway merge web.json api.json --out org.json`');
    const out = values.out ? resolve(io.cwd, values.out as string) : undefined;
    if (out) checkOutDir(out);
    const minSample = values['min-sample'] === undefined ? undefined : Number(values['min-sample']);
    if (minSample !== undefined && !(minSample >= 0))
      throw new UserError(`--min-sample ${String(values['min-sample'])}: expected a non-negative number`);
    const merged = await mergeReports(
      positionals.map((p) => {
        const m = /^([\w.-]+)=(.+)$/.exec(p);
        return m ? { name: m[1], path: resolve(io.cwd, m[2]) } : { path: resolve(io.cwd, p) };
      }),
      { minSample },
    );
    try {
      io.stderr(
        `merged ${merged.report.org!.repositories.length} repositories: ${merged.report.teams.length} teams, ${merged.report.org!.dependencies.length} package dependencies between repositories\n`,
      );
      if (format !== 'json') writeOutput(await renderMerged(format, merged), values.out as string | undefined, io);
      else if (out) {
        await toFileInChunks(out, (write) => writeMergedJson(merged, write));
        io.stderr(`wrote ${values.out as string}\n`);
      } else await writeMergedJson(merged, io.stdout);
    } finally {
      merged.spool.remove();
    }
    return EXIT.ok;
  },
};
