// `conway analyze` — the whole analysis, as a report in JSON, Markdown, HTML or SARIF.
import { metricsHelp } from '../metrics/registry';
import { UserError } from '../contract/errors';
import { renderReport, reportFormats } from '../report';
import { filterScope, parseScope } from '../report/scope-filter';
import { EXIT, type Command } from './command';
import { analysisHelp, analysisOptions, toAnalyzeOptions } from './analysis-options';
import { resolve } from 'node:path';
import { checkOutDir, writeOutput } from './output';
import { analyzeWithProgress } from './progress';
import { resolveRoot } from './repo-options';
import { escapeControls } from '../model/quote';

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'ownership, coupling, autonomy scores and boundary violations, as a report',
  usage: 'conway analyze [--repo DIR] [--since D] [--until D] [--format json|md|html|sarif|codequality] [--out FILE]',
  help: [
    '--format F          json (default), md, html (one self-contained page), sarif (code scanning)',
    '                    or codequality (GitLab Code Quality, for merge requests)',
    '--out FILE          write the report to FILE instead of stdout',
    '--scope S           production or test: only violations and findings in that code',
    '                    (test code: *.test.*, *.spec.*, __tests__/, test/, e2e/, fixtures/, … and testPaths)',
    ...analysisHelp,
    ...metricsHelp(),
  ],
  options: { ...analysisOptions, format: { type: 'string' }, out: { type: 'string' }, scope: { type: 'string' } },
  async run(values, _positionals, io) {
    const given = values.format as string | undefined;
    if (values.json && given !== undefined && given !== 'json')
      throw new UserError(`--json and --format ${given} ask for two formats: give one (--json is --format json)`);
    const format = given ?? 'json';
    if (!reportFormats.includes(format))
      throw new UserError(`--format ${format}: expected one of ${reportFormats.join(', ')}`);
    const scope = parseScope(values.scope);
    if (values.out) checkOutDir(resolve(io.cwd, values.out as string));
    const root = await resolveRoot(values, io, true);
    const report = filterScope(await analyzeWithProgress(root, toAnalyzeOptions(values, io.cwd), io), scope);
    for (const note of report.notes) io.stderr(`note: ${escapeControls(note)}\n`);
    writeOutput(renderReport(format, report), values.out as string | undefined, io);
    return EXIT.ok;
  },
};
