// `conway check` — the CI gate: exit 1 when the analysis finds violations that are not in the
// baseline (matched by fingerprint, so unrelated edits do not break it), printing only those.
// `--update-baseline` accepts the current violations (the one time Conway writes into the
// repository, because the user asked).
import { resolve } from 'node:path';
import { analyzeRepo } from '../analyze';
import { newViolations, readBaseline, serializeBaseline, toBaseline } from '../report/baseline';
import { analysisHelp, analysisOptions, toAnalyzeOptions } from './analysis-options';
import { EXIT, type Command } from './command';
import { writeFileAtomic } from './output';
import { progressPrinter } from './progress';
import { resolveRoot } from './repo-options';

export const DEFAULT_BASELINE = 'conway-baseline.json';

export const checkCommand: Command = {
  name: 'check',
  summary: 'CI gate: exit 1 on boundary violations that are not in the baseline',
  usage: 'conway check [--repo DIR] [--baseline FILE] [--update-baseline] [--json]',
  help: [
    `--baseline FILE     accepted violations (default: ${DEFAULT_BASELINE} at the repository root)`,
    '--update-baseline   write the current violations to the baseline and exit 0',
    ...analysisHelp,
  ],
  options: { ...analysisOptions, baseline: { type: 'string' }, 'update-baseline': { type: 'boolean' } },
  async run(values, _positionals, io) {
    const root = await resolveRoot(values, io, true);
    const given = values.baseline as string | undefined;
    const path = given ? resolve(io.cwd, given) : resolve(root, DEFAULT_BASELINE);
    const shown = given ?? DEFAULT_BASELINE;
    const baseline = values['update-baseline'] ? null : readBaseline(path, shown);
    const progress = progressPrinter(io);
    const report = await analyzeRepo(root, { ...toAnalyzeOptions(values, io.cwd), onProgress: progress.update }).finally(progress.done);
    if (values['update-baseline']) {
      writeFileAtomic(path, serializeBaseline(toBaseline(report.violations)));
      io.stderr(`wrote ${shown}: ${report.violations.length} violation${report.violations.length === 1 ? '' : 's'} accepted\n`);
      return EXIT.ok;
    }
    if (!baseline) io.stderr(`note: no baseline at ${shown}: every violation counts as new (create one with --update-baseline)\n`);
    const fresh = newViolations(report.violations, baseline);
    if (values.json) io.stdout(JSON.stringify({ new: fresh, total: report.violations.length, baseline: baseline?.fingerprints.length ?? 0 }, null, 2) + '\n');
    else {
      for (const v of fresh) io.stdout(`${v.file}:${v.line}: ${v.kind}: ${v.message}\n`);
      io.stdout(`${fresh.length} new violation${fresh.length === 1 ? '' : 's'} (${report.violations.length} in all, ${report.violations.length - fresh.length} in the baseline)\n`);
    }
    return fresh.length ? EXIT.findings : EXIT.ok;
  },
};
