// conway.yml → TeamMap, validated against its schema with every problem located (file, line)
// and a fix ("did you mean", what to write). Pure: takes the text.
//
// teams:
//   <id>: { name?, owners: [..], members?: [..], dependsOn?: [team ids], publicApi?: [globs], role?: team|review-group,
//           interactions?: [{ team, mode, purpose?, since?, until? }] }   (teams/interactions.ts)
// clusters:
//   <id>: [team ids]
// testPaths: [globs]   (extra test-code paths beside the conventions of metrics/scope.ts)
// cost: { perEngineerDay, currency }   (money for the cross-team effort estimate, teams/cost.ts)
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Node, type Pair, type YAMLMap } from 'yaml';
import { yamlErrorKind } from '../contract/parse-errors';
import type { Problem, Team, TeamMap } from '../model/types';
import { didYouMean } from './did-you-mean';
import { readCost } from './cost';
import { readInteractions } from './interactions';

const TOP_KEYS = ['teams', 'clusters', 'testPaths', 'cost'] as const;
const TEAM_KEYS = ['name', 'owners', 'members', 'dependsOn', 'publicApi', 'role', 'interactions'] as const;
const ROLES = ['team', 'review-group'] as const;
const LIST_KEYS = ['owners', 'members', 'dependsOn', 'publicApi'] as const;

export interface ParsedTeamMap {
  map: TeamMap;
  errors: Problem[];
  warnings: Problem[];
  /** The first problem that makes the file unreadable as a team map (YAML syntax, a duplicate
   *  key, an alias, the wrong shape): `analyze` and `check` stop on it instead of ignoring the map. */
  unreadable?: Problem;
}

export function parseTeamMap(text: string, file: string): ParsedTeamMap {
  const lc = new LineCounter();
  // uniqueKeys off: the yaml package checks each key against every earlier one (100,000 teams:
  // minutes); duplicates are found below with a Set, and reported the same way.
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false, logLevel: 'silent' });
  const out: ParsedTeamMap = { map: { path: file, teams: [], clusters: [] }, errors: [], warnings: [] };
  const lineOf = (n: Node | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : 0);
  const err = (n: Node | null | undefined, message: string) => out.errors.push({ file, line: lineOf(n), message });
  const fatal = (n: Node | null | undefined, message: string) => {
    err(n, message);
    out.unreadable ??= out.errors.at(-1);
  };
  for (const e of doc.errors)
    out.errors.push({
      file,
      line: lc.linePos(e.pos[0]).line,
      message: `YAML syntax: ${yamlErrorKind(e)} at column ${lc.linePos(e.pos[0]).col}`,
    });
  out.unreadable = out.errors[0];
  // Warnings (an unknown tag) are collected, not printed by the yaml package to stderr.
  for (const w of doc.warnings)
    out.warnings.push({ file, line: lc.linePos(w.pos[0]).line, message: `YAML: ${yamlErrorKind(w)}` });
  if (out.errors.length) return out;
  checkStructure(doc.contents, fatal, lineOf);
  if (out.errors.length) return out;
  const root = doc.contents;
  if (!isMap(root)) {
    fatal(root, 'expected a mapping with `teams:` (and optionally `clusters:`) at the top level');
    return out;
  }
  checkKeys(root, TOP_KEYS, 'top-level key', err);
  readTeams(root.get('teams', true) as Node | undefined, out, err, lineOf);
  readClusters(root.get('clusters', true) as Node | undefined, out, err);
  const testPaths = readStringList(root.get('testPaths', true) as Node | undefined, 'testPaths', err);
  if (testPaths) out.map.testPaths = testPaths;
  const cost = readCost(root.get('cost', true) as Node | undefined, err);
  if (cost) out.map.cost = cost;
  checkReferences(root, out, err);
  return out;
}

type Err = (n: Node | null | undefined, message: string) => void;

/** No aliases (an alias bomb expands to gigabytes; a team map never needs one) and no key twice in one mapping. */
function checkStructure(contents: unknown, fatal: Err, lineOf: (n: Node) => number): void {
  visit(contents as Node, {
    Alias(_, alias) {
      fatal(alias, `aliases (*${alias.source}) are not supported in a team map — write the values out`);
      return visit.BREAK;
    },
    Map(_, map) {
      const seen = new Map<string, Node>();
      for (const pair of map.items) {
        const key = keyText(pair);
        const first = seen.get(key);
        if (first) {
          fatal(
            pair.key as Node,
            `duplicate key '${key}' (also on line ${lineOf(first)}) — YAML keys must be unique; merge the two entries`,
          );
          return visit.BREAK;
        }
        seen.set(key, pair.key as Node);
      }
    },
  });
}

function keyText(pair: Pair): string {
  const k = pair.key as { value?: unknown } | null;
  return String(k && typeof k === 'object' && 'value' in k ? k.value : k);
}

function checkKeys(map: YAMLMap, known: readonly string[], what: string, err: Err): void {
  for (const pair of map.items) {
    const key = String((pair.key as { value?: unknown })?.value ?? pair.key);
    if (known.includes(key)) continue;
    const hint = didYouMean(key, known);
    err(
      pair.key as Node,
      `unknown ${what} '${key}'${hint ? ` — did you mean '${hint}'?` : ''} (allowed: ${known.join(', ')})`,
    );
  }
}

function readTeams(node: Node | undefined, out: ParsedTeamMap, err: Err, lineOf: (n: Node) => number): void {
  if (!node)
    return err(null, "missing `teams:` — list your teams, e.g.\nteams:\n  billing:\n    owners: ['@acme/billing']");
  if (!isMap(node)) return err(node, '`teams` must be a mapping of team id → team');
  for (const pair of node.items) {
    const id = readId(pair, 'team', err);
    if (id === null) continue;
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
    const interactions = readInteractions(body.get('interactions', true) as Node | undefined, id, lineOf, err);
    if (interactions) team.interactions = interactions;
    if (!team.owners.length)
      err(
        pair.key as Node,
        `team '${id}' has no owners: add \`owners: ['@org/${id}']\` with the CODEOWNERS owners that mean this team`,
      );
    out.map.teams.push(team);
  }
}

/** A team or cluster id: a non-empty string (ids name teams everywhere: reports, baselines, keys). */
function readId(pair: Pair, what: string, err: Err): string | null {
  const key = pair.key as Node | null;
  const value = isScalar(key) ? key.value : undefined;
  if (typeof value === 'string' && value.trim() !== '') return value;
  const shown = value === undefined || value === null || value === '' ? 'an empty id' : `id ${JSON.stringify(value)}`;
  const fix =
    typeof value === 'number' || typeof value === 'boolean'
      ? ` — quote it: '${String(value)}'`
      : ' — write a name, e.g. billing';
  err(key ?? (pair.value as Node), `${what} ids must be non-empty strings, not ${shown}${fix}; the ${what} is skipped`);
  return null;
}

function readRole(node: Node | undefined, team: Team, err: Err): void {
  if (!node) return;
  const v = isScalar(node) ? node.value : undefined;
  if (v === 'team' || v === 'review-group') team.role = v;
  else
    err(
      node,
      `team '${team.id}': role must be one of ${ROLES.join(', ')} (a review group approves other teams' code; a team delivers it)`,
    );
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
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number'))
      out.push(String(item.value));
    else err(item, `${what}: every entry must be a string`);
  }
  return out;
}

function readClusters(node: Node | undefined, out: ParsedTeamMap, err: Err): void {
  if (!node) return;
  if (!isMap(node)) return err(node, '`clusters` must be a mapping of cluster id → list of team ids');
  for (const pair of node.items) {
    const id = readId(pair, 'cluster', err);
    if (id === null) continue;
    const teams = readStringList(pair.value as Node, `cluster '${id}'`, err) ?? [];
    out.map.clusters.push({ id, teams });
  }
}

function checkReferences(root: YAMLMap, out: ParsedTeamMap, err: Err): void {
  const ids = out.map.teams.map((t) => t.id);
  const byId = new Map(out.map.teams.map((t) => [t.id, t]));
  const unknownMessage = (ref: string, where: string) => {
    // Suggestions and the list of teams stay cheap and short with 100,000 teams.
    const hint = ids.length <= 2000 ? didYouMean(ref, ids) : null;
    const list = ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, … (${ids.length} in all)` : ids.join(', ');
    return `${where} names unknown team '${ref}'${hint ? ` — did you mean '${hint}'?` : ` (teams: ${list})`}`;
  };
  const unknown = (ref: string, node: Node | undefined, where: string) => err(node, unknownMessage(ref, where));
  const clusterNodes = valuesByKey(root.get('clusters', true));
  for (const c of out.map.clusters) {
    for (const t of c.teams)
      byId.get(t) ? byId.get(t)!.clusters.push(c.id) : unknown(t, clusterNodes.get(c.id), `cluster '${c.id}'`);
  }
  const teamNodes = valuesByKey(root.get('teams', true));
  for (const t of out.map.teams) {
    if (!t.dependsOn?.length) continue;
    const node = (teamNodes.get(t.id) as YAMLMap | undefined)?.get?.('dependsOn', true) as Node | undefined;
    for (const d of t.dependsOn) if (!byId.has(d)) unknown(d, node, `team '${t.id}': dependsOn`);
  }
  for (const t of out.map.teams) {
    for (const i of t.interactions ?? []) {
      const at = (message: string) => out.errors.push({ file: out.map.path ?? '', line: i.line, message });
      if (i.team === t.id)
        at(`team '${t.id}': interactions: an entry names the team itself — name the other team it works with`);
      else if (!byId.has(i.team)) at(unknownMessage(i.team, `team '${t.id}': interactions`));
    }
  }
}

/** key → value node of a mapping, built once (YAMLMap.get is a linear search). */
function valuesByKey(node: unknown): Map<string, Node> {
  const out = new Map<string, Node>();
  if (isMap(node))
    for (const pair of node.items) if (!out.has(keyText(pair))) out.set(keyText(pair), pair.value as Node);
  return out;
}
