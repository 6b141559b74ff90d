// "Where to improve" (docs/metrics.md, "Scorecard"): the latest period's weakest component of a
// scope and its three largest contributors, named — team pairs from the period's commits, findings
// and interactions at HEAD, coordination that was needed and did not happen.
import type { Commit } from '../model/types';
import type { ScoreContributor, ScorePeriod, ScoreScope } from '../contract/teamwork-scorecard';
import { primaryTeam } from '../metrics/membership';
import type { CoordinationCells, ScorecardInput, Scope } from './scorecard-input';

/** Per scope, the latest period's other teams its members' commits also changed, and the teams that changed its code. */
export interface Contributions {
  delivery: Map<string, Map<string, number>>;
  integrity: Map<string, Map<string, number>>;
}

export function contributorsOf(x: ScorecardInput, scopes: Scope[], commits: Commit[]): Contributions {
  const delivery = new Map<string, Map<string, number>>();
  const integrity = new Map<string, Map<string, number>>();
  const bump = (m: Map<string, Map<string, number>>, scope: string, other: string, n: number) => {
    const row = m.get(scope) ?? m.set(scope, new Map()).get(scope)!;
    row.set(other, (row.get(other) ?? 0) + n);
  };
  const scopesOfTeam = new Map<string, Scope[]>();
  for (const s of scopes) for (const t of s.teams) (scopesOfTeam.get(t) ?? scopesOfTeam.set(t, []).get(t)!).push(s);
  // teamsOf, deliveryTeamsOf and a person's teams return one array per path or person: their scopes are cached by identity.
  const cache = new WeakMap<string[], Scope[]>();
  const scopesOf = (teams: string[]) => {
    let v = cache.get(teams);
    if (!v) cache.set(teams, (v = [...new Set(teams.flatMap((t) => scopesOfTeam.get(t) ?? []))]));
    return v;
  };
  const none: string[] = [];
  const memberScopes = (p: string) => scopesOf(x.members.get(p)?.teams ?? none);
  const delivered: string[] = []; // reused per commit: the delivery teams it touched
  for (const c of commits) {
    const memberOf = c.coAuthors.length
      ? [...new Set([c.author, ...c.coAuthors].flatMap(memberScopes))]
      : memberScopes(c.author);
    delivered.length = 0;
    let by: string | undefined;
    for (const f of c.files) {
      if (memberOf.length)
        for (const t of x.input.deliveryTeamsOf(f.path)) if (!delivered.includes(t)) delivered.push(t);
      // Ownership integrity: changes to the scope's files by people who are not its members, by their primary team.
      for (const s of scopesOf(x.input.teamsOf(f.path))) {
        if (memberOf.includes(s)) continue;
        by ??= primaryTeam(x.members, c.author);
        bump(integrity, s.key, by, 1);
      }
    }
    // Delivery independence: a member's commit that also changed files of teams outside the scope (each team once per commit).
    for (const s of memberOf) for (const t of delivered) if (!s.teams.includes(t)) bump(delivery, s.key, t, 1);
  }
  return { delivery, integrity };
}

export function improve(
  x: ScorecardInput,
  s: Scope,
  last: ScorePeriod,
  contributionsOf: () => Contributions,
  coordination: CoordinationCells | null,
): ScoreScope['improve'] {
  const components: [string, number | null][] = [
    ['delivery independence', last.deliveryIndependence.value],
    ['ownership integrity', last.ownershipIntegrity.value],
    ['dependency independence', last.dependencyIndependence.value],
    ['congruence', last.congruence.value],
  ];
  const known = components.filter((e): e is [string, number] => e[1] !== null).sort((a, b) => a[1] - b[1]);
  // Nothing measured, or every measured component at 100%: nothing to improve.
  if (!known.length || known[0][1] >= 1) return null;
  const [component, value] = known[0];
  const inScope = new Set(s.teams);
  const pairs = (
    m: Map<string, number> | undefined,
    name: (other: string) => string,
    detail: (n: number, other: string) => string,
  ): ScoreContributor[] =>
    [...(m ?? [])]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([other, n]) => ({ kind: 'team-pair' as const, name: name(other), weight: n, detail: detail(n, other) }));
  let list: ScoreContributor[] = [];
  if (component === 'delivery independence')
    list = pairs(
      contributionsOf().delivery.get(s.key),
      (o) => `${s.id} → ${o}`,
      // The name says which teams (`scope → other`): the detail gives only the count and its unit.
      (n) => `${n} commit${n === 1 ? '' : 's'} of its members this period also changed the other team's files`,
    );
  else if (component === 'ownership integrity')
    list = pairs(
      contributionsOf().integrity.get(s.key),
      (o) => `${label(o)} → ${s.id}`,
      (n) => `${n} change${n === 1 ? '' : 's'} to its files this period`,
    );
  else if (component === 'dependency independence') {
    const findings = x.findings
      .filter((f) => (f.kind === 'deep-import' || f.kind === 'forbidden-dependency') && inScope.has(f.fromTeam ?? '\0'))
      .sort((a, b) => a.rank - b.rank);
    list = [
      ...(x.interactions ?? [])
        .filter((i) => i.status === 'differs' && (inScope.has(i.a) || inScope.has(i.b)))
        .map((i) => ({
          kind: 'interaction' as const,
          name: `${i.a} ↔ ${i.b}`,
          weight: 0,
          detail: `declared interaction ${i.a} ↔ ${i.b} differs from what the code shows`,
        })),
      ...findings.map((f) => ({
        kind: 'finding' as const,
        name: f.title,
        weight: f.count,
        detail: `${f.count} location${f.count === 1 ? '' : 's'}, ${f.changes} change${f.changes === 1 ? '' : 's'} in the window (finding ${f.id})`,
      })),
    ];
    if (!list.length)
      list = x.staticPairs
        .filter((p) => inScope.has(p.from) && !inScope.has(p.to))
        .sort((a, b) => b.edges - a.edges)
        .map((p) => ({
          kind: 'team-pair' as const,
          name: `${p.from} → ${p.to}`,
          weight: p.edges,
          detail: `${p.edges} import edge${p.edges === 1 ? '' : 's'} from ${p.from} into ${p.to}'s files`,
        }));
  } else if (coordination) {
    list = coordination.pairs
      .filter((p) => p.needed && !p.happened && (inScope.has(p.a) || inScope.has(p.b)))
      .map((p) => ({
        kind: 'team-pair' as const,
        name: `${p.a} ↔ ${p.b}`,
        weight: Number(p.needed),
        detail: `${p.a} and ${p.b} change co-changing files but no review, co-author or joint change set links them`,
      }));
  }
  return { component, value, contributors: list.slice(0, 3) };
}

function label(team: string): string {
  return team.startsWith('person:') ? `${team.slice(7)} (no team)` : team;
}
