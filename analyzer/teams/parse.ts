// conway.yml → TeamMap, validated against its schema with every problem located (file, line)
// and a fix ("did you mean", what to write). Pure: takes the text.
//
// teams:
//   <id>: { name?, owners: [..], members?: [..], dependsOn?: [team ids], publicApi?: [globs], role?: team|review-group }
// clusters:
//   <id>: [team ids]
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import type { Problem, Team, TeamMap } from '../model/types';
import { didYouMean } from './did-you-mean';

const TOP_KEYS = ['teams', 'clusters'] as const;
const TEAM_KEYS = ['name', 'owners', 'members', 'dependsOn', 'publicApi', 'role'] as const;
const ROLES = ['team', 'review-group'] as const;
const LIST_KEYS = ['owners', 'members', 'dependsOn', 'publicApi'] as const;

export interface ParsedTeamMap {
  map: TeamMap;
  errors: Problem[];
  warnings: Problem[];
}

export function parseTeamMap(text: string, file: string): ParsedTeamMap {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  const out: ParsedTeamMap = { map: { path: file, teams: [], clusters: [] }, errors: [], warnings: [] };
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 0);
  const err = (n: Node | null | undefined, message: string) => out.errors.push({ file, line: lineOf(n), message });
  for (const e of doc.errors) out.errors.push({ file, line: lc.linePos(e.pos[0]).line, message: `YAML syntax: ${e.message.split('\n')[0]}` });
  if (out.errors.length) return out;
  const root = doc.contents;
  if (!isMap(root)) {
    err(root, 'expected a mapping with `teams:` (and optionally `clusters:`) at the top level');
    return out;
  }
  checkKeys(root, TOP_KEYS, 'top-level key', err);
  readTeams(root.get('teams', true) as Node | undefined, out, err);
  readClusters(root.get('clusters', true) as Node | undefined, out, err);
  checkReferences(root, out, err);
  return out;
}

type Err = (n: Node | null | undefined, message: string) => void;

function checkKeys(map: YAMLMap, known: readonly string[], what: string, err: Err): void {
  for (const pair of map.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (known.includes(key)) continue;
    const hint = didYouMean(key, known);
    err(pair.key as Node, `unknown ${what} '${key}'${hint ? ` — did you mean '${hint}'?` : ''} (allowed: ${known.join(', ')})`);
  }
}

function readTeams(node: Node | undefined, out: ParsedTeamMap, err: Err): void {
  if (!node) return err(null, "missing `teams:` — list your teams, e.g.\nteams:\n  billing:\n    owners: ['@acme/billing']");
  if (!isMap(node)) return err(node, '`teams` must be a mapping of team id → team');
  for (const pair of node.items) {
    const id = String((pair.key as { value?: unknown }).value);
    const body = pair.value as Node | null;
    if (!isMap(body)) {
      err((body ?? pair.key) as Node, `team '${id}' must be a mapping with at least \`owners: ['@org/${id}']\``);
      continue;
    }
    checkKeys(body, TEAM_KEYS, `key in team '${id}'`, err);
    const team: Team = { id, name: id, owners: [], members: [], clusters: [] };
    const name = body.get('name', true) as Node | undefined;
    if (name && isScalar(name) && typeof name.value === 'string') team.name = name.value;
    else if (name) err(name, `team '${id}': name must be a string`);
    readRole(body.get('role', true) as Node | undefined, team, err);
    if (body.has('members')) team.membersDeclared = true;
    for (const key of LIST_KEYS) {
      const list = readStringList(body.get(key, true) as Node | undefined, `team '${id}': ${key}`, err);
      if (list) team[key] = list;
    }
    if (!team.owners.length) err(pair.key as Node, `team '${id}' has no owners: add \`owners: ['@org/${id}']\` with the CODEOWNERS owners that mean this team`);
    out.map.teams.push(team);
  }
}

function readRole(node: Node | undefined, team: Team, err: Err): void {
  if (!node) return;
  const v = isScalar(node) ? node.value : undefined;
  if (v === 'team' || v === 'review-group') team.role = v;
  else err(node, `team '${team.id}': role must be one of ${ROLES.join(', ')} (a review group approves other teams' code; a team delivers it)`);
}

function readStringList(node: Node | undefined, what: string, err: Err): string[] | undefined {
  if (!node) return undefined;
  if (isScalar(node) && typeof node.value === 'string') return [node.value];
  if (!isSeq(node)) {
    err(node, `${what} must be a list, e.g. ["a", "b"]`);
    return undefined;
  }
  const out: string[] = [];
  for (const item of node.items as Node[]) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) out.push(String(item.value));
    else err(item, `${what}: every entry must be a string`);
  }
  return out;
}

function readClusters(node: Node | undefined, out: ParsedTeamMap, err: Err): void {
  if (!node) return;
  if (!isMap(node)) return err(node, '`clusters` must be a mapping of cluster id → list of team ids');
  for (const pair of node.items) {
    const id = String((pair.key as { value?: unknown }).value);
    const teams = readStringList(pair.value as Node, `cluster '${id}'`, err) ?? [];
    out.map.clusters.push({ id, teams });
  }
}

function checkReferences(root: YAMLMap, out: ParsedTeamMap, err: Err): void {
  const ids = out.map.teams.map((t) => t.id);
  const byId = new Map(out.map.teams.map((t) => [t.id, t]));
  const unknown = (ref: string, node: Node | undefined, where: string) => {
    const hint = didYouMean(ref, ids);
    err(node, `${where} names unknown team '${ref}'${hint ? ` — did you mean '${hint}'?` : ` (teams: ${ids.join(', ')})`}`);
  };
  const clusters = root.get('clusters', true);
  for (const c of out.map.clusters) {
    const node = isMap(clusters) ? (clusters.get(c.id, true) as Node) : undefined;
    for (const t of c.teams) (byId.get(t) ? byId.get(t)!.clusters.push(c.id) : unknown(t, node, `cluster '${c.id}'`));
  }
  const teams = root.get('teams', true);
  for (const t of out.map.teams) {
    const node = isMap(teams) ? ((teams.get(t.id, true) as YAMLMap | undefined)?.get?.('dependsOn', true) as Node | undefined) : undefined;
    for (const d of t.dependsOn ?? []) if (!byId.has(d)) unknown(d, node, `team '${t.id}': dependsOn`);
  }
}
