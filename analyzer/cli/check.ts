// `conway check` — the CI gate: exit 1 when the analysis finds violations that are not in the
// baseline (matched by fingerprint, so unrelated edits do not break it), printing only those.
// `--update-baseline` accepts the current violations (the one time Conway writes into the
// repository, because the user asked). Only kinds a pull request's code decides are gated by
// default (imports, CODEOWNERS, unowned files): ownership-drift comes from the history window,
// which moves with every commit, so it fails changes that added nothing; `--gate-history` adds it.
import { join, resolve } from 'node:path';
import { filterScope, parseScope } from '../report/scope-filter';
import { checkBaselineTarget, newViolations, readBaseline, serializeBaseline, toBaseline } from './baseline';
import { analysisHelp, analysisOptions, toAnalyzeOptions } from './analysis-options';
import { coverageText, windowText } from '../report/findings-view';
import type { Report, Violation } from '../contract/report';
import { EXIT, type Command, type Io } from './command';
import { writeFileAtomic, writeOutput } from './output';
import { escapeControls, quotePath } from '../model/quote';
import { UserError } from '../contract/errors';
import { renderCodeQuality } from '../report/codequality';
import { renderSarif } from '../report/sarif';
import { analyzeWithProgress } from './progress';
import { resolveRoot } from './repo-options';

export const DEFAULT_BASELINE = 'conway-baseline.json';

export const checkCommand: Command = {
  name: 'check',
  summary: 'CI gate: exit 1 on boundary violations that are not in the baseline',
  usage:
    'conway check [--repo DIR] [--baseline FILE] [--update-baseline] [--json] [--format text|json|sarif|codequality] [--out FILE]',
  help: [
    `--baseline FILE     accepted violations (default: ${DEFAULT_BASELINE} at the repository root)`,
    '--update-baseline   write the current (gated) violations to the baseline and exit 0',
    '--scope S           production or test: gate only violations in that code',
    '--gate-history      also gate history-based violations (ownership-drift), which move with',
    '                    the window even when the code does not change',
    '--format F          text (default), json, sarif (code scanning) or codequality (GitLab):',
    '                    the new violations, in that format; the exit code is the same',
    '--out FILE          write the output to FILE instead of stdout',
    ...analysisHelp,
  ],
  options: {
    ...analysisOptions,
    baseline: { type: 'string' },
    'update-baseline': { type: 'boolean' },
    'gate-history': { type: 'boolean' },
    scope: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, _positionals, io) {
    const root = await resolveRoot(values, io, true);
    const given = values.baseline as string | undefined;
    const baseline = given ? resolve(io.cwd, given) : resolve(root, DEFAULT_BASELINE);
    const updateBaseline = Boolean(values['update-baseline']);
    const format = (values.format as string | undefined) ?? (values.json ? 'json' : 'text');
    const scope = parseScope(values.scope);
    if (!CHECK_FORMATS.includes(format as CheckFormat))
      throw new UserError(`--format ${format}: expected one of ${CHECK_FORMATS.join(', ')}`);
    // Fail on a malformed baseline before the analysis, not after minutes of it.
    if (updateBaseline) checkBaselineTarget(baseline, given ?? DEFAULT_BASELINE, root);
    else readBaseline(baseline, given ?? DEFAULT_BASELINE, root);
    const options = toAnalyzeOptions(values, io.cwd);
    // The gate reads violations, findings, window and coverage only: no module inference (community
    // detection), team rows, trends, coupling, crossing or scorecard on the CI path.
    const report = filterScope(
      await analyzeWithProgress(
        root,
        { ...options, metrics: { ...options.metrics, skipModules: true, gateOnly: true } },
        io,
      ),
      scope,
    );
    if (scope) io.stderr(`note: ${escapeControls(report.notes.at(-1) ?? '')}\n`);
    io.stderr(`${windowText(report)}\n${coverageText(report) ? `${coverageText(report)}\n` : ''}`);
    return runCheck(
      report,
      {
        baseline,
        shown: given ?? DEFAULT_BASELINE,
        updateBaseline,
        format: format as CheckFormat,
        out: values.out as string | undefined,
        gateHistory: Boolean(values['gate-history']),
      },
      io,
    );
  },
};

const CHECK_FORMATS = ['text', 'json', 'sarif', 'codequality'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

export interface CheckOptions {
  /** Baseline file, absolute or relative to io.cwd; default conway-baseline.json at report.repo.root. */
  baseline?: string;
  /** Write the current violations to the baseline and exit 0. */
  updateBaseline?: boolean;
  /** How to name the baseline in messages (default: the path as given, or conway-baseline.json). */
  shown?: string;
  /** Print {new, total, baseline} as JSON instead of lines. */
  json?: boolean;
  /** text (lines), json ({new, total, baseline}), sarif or codequality (the new violations). */
  format?: CheckFormat;
  /** Write the output to this file (relative to io.cwd) instead of stdout. */
  out?: string;
  /** Also gate history-based kinds (ownership-drift). */
  gateHistory?: boolean;
}

/** Violations that come from the history window, not from the code at HEAD. */
export const HISTORY_KINDS: ReadonlySet<string> = new Set(['ownership-drift', 'interaction']);

/**
 * The gate on an analysed report: prints the violations whose fingerprint is not in the baseline
 * (`file:line: kind: message`, then a count) and returns 1 when there are any, else 0. A missing
 * baseline is an empty one (said on stderr); a malformed one is a UserError naming the file.
 */
export function runCheck(full: Report, opts: CheckOptions, io: Io): number {
  const ungated = opts.gateHistory ? [] : full.violations.filter((v) => HISTORY_KINDS.has(v.kind));
  const report = ungated.length
    ? { ...full, violations: full.violations.filter((v) => !HISTORY_KINDS.has(v.kind)) }
    : full;
  if (ungated.length)
    io.stderr(
      `note: ${plural(ungated.length, 'history-based violation')} (${[...new Set(ungated.map((v) => v.kind))].join(', ')}) not gated: they move with the window; --gate-history gates them\n`,
    );
  const path = opts.baseline ? resolve(io.cwd, opts.baseline) : join(report.repo.root, DEFAULT_BASELINE);
  const shown = opts.shown ?? opts.baseline ?? DEFAULT_BASELINE;
  if (opts.updateBaseline) {
    checkBaselineTarget(path, shown, report.repo.root);
    writeFileAtomic(path, serializeBaseline(toBaseline(report.violations)));
    io.stderr(`wrote ${shown}: ${plural(report.violations.length, 'violation')} accepted\n`);
    return EXIT.ok;
  }
  const baseline = readBaseline(path, shown, report.repo.root);
  if (!baseline)
    io.stderr(`note: no baseline at ${shown}: every violation counts as new (create one with --update-baseline)\n`);
  const fresh = newViolations(report.violations, baseline);
  const format = opts.format ?? (opts.json ? 'json' : 'text');
  const groups =
    report.findings && fresh.length ? ` in ${plural(new Set(fresh.map((v) => v.group)).size, 'finding')}` : '';
  const summary = `${plural(fresh.length, 'new violation')}${groups} (${report.violations.length} in all, ${report.violations.length - fresh.length} in the baseline)`;
  if (format === 'text') writeOutput([...groupedLines(report, fresh), summary].join('\n'), opts.out, io);
  else if (format === 'json')
    writeOutput(
      JSON.stringify(
        {
          new: fresh,
          total: report.violations.length,
          baseline: baseline?.fingerprints.length ?? 0,
          window: report.window,
        },
        null,
        2,
      ),
      opts.out,
      io,
    );
  else {
    writeOutput(
      format === 'sarif' ? renderSarif({ ...report, violations: fresh }) : renderCodeQuality({ violations: fresh }),
      opts.out,
      io,
    );
    io.stderr(summary + '\n');
  }
  return fresh.length ? EXIT.findings : EXIT.ok;
}

/** New violations under their finding's title, findings in rank order: one heading per thing to fix. */
function groupedLines(report: Report, fresh: Violation[]): string[] {
  const lines: string[] = [];
  const byGroup = new Map<string, Violation[]>();
  for (const v of fresh)
    (
      byGroup.get(v.group ?? v.fingerprint) ?? byGroup.set(v.group ?? v.fingerprint, []).get(v.group ?? v.fingerprint)!
    ).push(v);
  // A report from before findings existed: one flat line per violation, as then.
  const findings = new Map((report.findings ?? []).map((f) => [f.id, f]));
  const order = [...byGroup.keys()].sort(
    (a, b) => (findings.get(a)?.rank ?? Infinity) - (findings.get(b)?.rank ?? Infinity),
  );
  for (const id of order) {
    const vs = byGroup.get(id)!;
    const f = findings.get(id);
    if (f)
      lines.push(
        `#${f.rank} ${f.kind}: ${escapeControls(f.title)} (${vs.length} new of ${f.count}, ${f.changes} changes in the window)`,
      );
    for (const v of vs)
      lines.push(`${f ? '  ' : ''}${quotePath(v.file)}:${v.line}: ${v.kind}: ${escapeControls(v.message)}`);
  }
  return lines;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
