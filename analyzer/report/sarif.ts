// Violations as SARIF 2.1.0 (OASIS), so GitHub code scanning shows them on pull requests:
// one result per violation, ruleId = the violation kind, the location is the repository-relative
// file and line, and the stable fingerprint goes in partialFingerprints so GitHub tracks a
// violation across commits instead of reopening it. `properties.group` is the finding (the
// group of the same kind, target and teams) the location belongs to.
import type { Report, ViolationKind } from '../contract/report';

const RULES: Record<ViolationKind, { name: string; short: string; help: string; level: 'error' | 'warning' | 'note' }> =
  {
    'deep-import': {
      name: 'DeepImport',
      short: "Import into another team's internals",
      help: "Import from the other team's public API (its package entry, index file, or publicApi in conway.yml) instead of a file inside its code.",
      level: 'error',
    },
    'forbidden-dependency': {
      name: 'ForbiddenDependency',
      short: 'Dependency not allowed by the team map',
      help: 'The importing team lists the teams it may depend on (dependsOn in conway.yml); this import targets another team. Remove it or extend dependsOn.',
      level: 'error',
    },
    'team-cycle': {
      name: 'TeamCycle',
      short: 'Teams depend on each other in a cycle',
      help: 'Teams in a dependency cycle cannot change independently. Cut one direction of the cycle.',
      level: 'warning',
    },
    unowned: {
      name: 'Unowned',
      short: 'Source file without an owner',
      help: 'No CODEOWNERS rule matches this file. Add a rule for it or its directory.',
      level: 'warning',
    },
    'ownership-drift': {
      name: 'OwnershipDrift',
      short: 'Declared owner makes a minority of the changes',
      help: 'Another team makes most changes to this file. Move the ownership in CODEOWNERS or hand the work back.',
      level: 'note',
    },
    interaction: {
      name: 'TeamInteraction',
      short: 'Teams do not work together as declared',
      help: "The team map's interactions (Team Topologies modes) disagree with the window: an x-as-a-service with deep imports or cross-team changes, a collaboration past its end date, or a heavy dependency nobody declared. Fix the code or the declaration in conway.yml.",
      level: 'warning',
    },
    'invalid-codeowners': {
      name: 'InvalidCodeowners',
      short: 'CODEOWNERS line GitHub rejects',
      help: 'GitHub skips invalid CODEOWNERS lines; the files they meant to cover fall back to earlier rules.',
      level: 'error',
    },
  };

/** The SARIF level of a violation kind (also mapped to other formats' severities). */
export function violationLevel(kind: ViolationKind): 'error' | 'warning' | 'note' {
  return RULES[kind].level;
}

export function renderSarif(report: Report): string {
  const kinds = Object.keys(RULES) as ViolationKind[];
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Conway',
            informationUri: 'https://github.com/conway/conway',
            semanticVersion: '0.1.0',
            rules: kinds.map((k) => ({
              id: k,
              name: RULES[k].name,
              shortDescription: { text: RULES[k].short },
              fullDescription: { text: RULES[k].help },
              help: { text: RULES[k].help },
              defaultConfiguration: { level: RULES[k].level },
            })),
          },
        },
        automationDetails: { id: `conway/${report.repo.branch ?? 'HEAD'}` },
        // The history window the results come from (every surface says it).
        properties: { window: report.window },
        results: report.violations.map((v) => ({
          ruleId: v.kind,
          ruleIndex: kinds.indexOf(v.kind),
          level: RULES[v.kind].level,
          message: { text: v.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: toRelativeUri(v.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: Math.max(1, v.line) },
              },
            },
          ],
          partialFingerprints: { 'conway/v1': v.fingerprint },
          properties: { fromTeam: v.fromTeam, toTeam: v.toTeam, target: v.target, group: v.group ?? null },
        })),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** A repository path as a relative URI reference: each segment percent-encoded, so `#`, `?`, `%`
 * and spaces in file names stay part of the path instead of starting a fragment or query. */
export function toRelativeUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
