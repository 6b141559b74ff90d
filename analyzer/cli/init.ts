// `conway init [--write FILE]` — a draft conway.yml (init/draft.ts) on stdout, or in FILE; an
// existing FILE is never overwritten. The draft passes `conway validate` as written.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../contract/errors';
import { draftTeamMap, type DraftModel } from '../init/draft';
import { draftCatalog } from '../sources/backstage/draft';
import type { MetricsInput } from '../metrics/input';
import type { Ownership } from '../ownership';
import type { Report } from '../contract/report';
import { analysisHelp, analysisOptions, toAnalyzeOptions } from './analysis-options';
import { EXIT, type Command } from './command';
import { analyzeWithProgress } from './progress';
import { resolveRoot } from './repo-options';
import { isPackageManifest } from '../pipeline/public-api';

export const initCommand: Command = {
  name: 'init',
  summary: 'draft a conway.yml team map from CODEOWNERS, history and imports, for you to review',
  usage: 'conway init [--repo DIR] [--format conway|catalog] [--write FILE]',
  help: [
    '--format F          conway (default: conway.yml) or catalog (Backstage catalog-info.yaml Groups and Users)',
    '--write FILE        write the draft to FILE (refuses to overwrite an existing file) instead of stdout',
    ...analysisHelp,
  ],
  options: { ...analysisOptions, write: { type: 'string' }, format: { type: 'string' } },
  async run(values, _positionals, io) {
    const format = (values.format as string | undefined) ?? 'conway';
    if (format !== 'conway' && format !== 'catalog')
      throw new UserError(`--format ${format}: expected conway or catalog`);
    const root = await resolveRoot(values, io, true);
    let model: { input: MetricsInput; ownership: Ownership } | undefined;
    const report = await analyzeWithProgress(
      root,
      { ...toAnalyzeOptions(values, io.cwd), onModel: (m) => (model = m) },
      io,
    );
    if (!report.teams.length)
      throw new UserError(
        `no teams to draft: ${report.repo.codeowners ? `${report.repo.codeowners} names no owners` : 'no CODEOWNERS file found'} — write CODEOWNERS rules first (e.g. \`/src/billing/ @org/billing\` in .github/CODEOWNERS), then run conway init again`,
      );
    const draft = draftModel(report, model!);
    const text =
      format === 'catalog' ? draftCatalog(report, draft.ownersOf, draft.declaredMembersOf) : draftTeamMap(draft);
    const file = values.write as string | undefined;
    if (!file) io.stdout(text);
    else {
      writeNew(resolve(io.cwd, file), text, file);
      const flag = format === 'catalog' ? '--catalog' : '--teams';
      io.stderr(
        `wrote ${file}: review it, then run \`conway validate ${flag} ${file}\` and \`conway analyze ${flag} ${file}\`\n`,
      );
    }
    return EXIT.ok;
  },
};

function draftModel(report: Report, m: { input: MetricsInput; ownership: Ownership }): DraftModel {
  const { input, ownership } = m;
  const publicFiles = new Map<string, string[]>();
  for (const f of input.files) {
    // Manifests are public whatever publicApi says (pipeline/public-api.ts): listing them would only be noise.
    if (!input.isPublicApi(f) || isPackageManifest(f)) continue;
    for (const t of input.deliveryTeamsOf(f)) (publicFiles.get(t) ?? publicFiles.set(t, []).get(t)!).push(f);
  }
  return {
    report,
    ownersOf: (t) => ownership.team(t)?.owners ?? [t],
    declaredMembersOf: (t) => {
      const team = ownership.team(t);
      return team?.implicit ? team.members : [];
    },
    publicApiOf: (t) => publicFiles.get(t) ?? [],
  };
}

function writeNew(path: string, text: string, shown: string): void {
  try {
    writeFileSync(path, text, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new UserError(
        `${shown} already exists: conway init never overwrites a file — choose another name or remove it first`,
      );
    throw new UserError(`cannot write ${shown}: ${(e as Error).message}`);
  }
}
