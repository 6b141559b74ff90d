// `conway init --format catalog`: the draft teams as Backstage catalog entities, for
// organizations that keep teams in Backstage — one Group per team (its CODEOWNERS team as the
// `github.com/team-slug` annotation, its members as Users with their email), one parent Group per
// cluster (`spec.children`), and one User per member. Names are made valid Backstage names
// (letters, digits and `-_.`, at most 63 characters); the draft passes Backstage's validators.
import { stringify } from 'yaml';
import type { PersonRow, Report } from '../../contract/report';

export function draftCatalog(
  r: Report,
  ownersOf: (team: string) => string[],
  declaredMembersOf: (team: string) => string[],
): string {
  const people = new Map((r.people ?? []).map((p) => [p.id, p]));
  const users = new Map<string, Record<string, unknown>>();
  const groups = r.teams.map((t) => {
    const members = [...declaredMembersOf(t.id), ...t.members.map((m) => m.person)].map((p) =>
      addUser(users, p, people.get(p)),
    );
    const slug = ownersOf(t.id).find((o) => /^@[^/\s]+\/[^/\s]+$/.test(o));
    const parent = r.clusters.find((c) => c.teams.includes(t.id));
    return entity('Group', nameOf(t.id), slug ? { 'github.com/team-slug': slug.slice(1) } : undefined, {
      type: 'team',
      profile: { displayName: t.name },
      ...(parent ? { parent: nameOf(parent.id) } : {}),
      children: [],
      members: [...new Set(members)],
    });
  });
  const clusters = r.clusters.map((c) =>
    entity('Group', nameOf(c.id), undefined, {
      type: 'cluster',
      profile: { displayName: c.id },
      children: c.teams.map(nameOf),
    }),
  );
  const head = `# catalog-info.yaml drafted by \`conway init --format catalog\` from ${r.repo.codeowners ?? 'no CODEOWNERS'} and ${r.window.commits} commits: review the members (inferred from history) before committing.\n`;
  return head + [...groups, ...clusters, ...users.values()].map((e) => stringify(e)).join('---\n');
}

function entity(
  kind: string,
  name: string,
  annotations: Record<string, string> | undefined,
  spec: Record<string, unknown>,
) {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind,
    metadata: { name, ...(annotations ? { annotations } : {}) },
    spec,
  };
}

function addUser(users: Map<string, Record<string, unknown>>, person: string, p: PersonRow | undefined): string {
  const name = nameOf(person.includes('@') && !person.startsWith('@') ? person.slice(0, person.indexOf('@')) : person);
  if (!users.has(name)) {
    const email = person.includes('@') && !person.startsWith('@') ? person : p?.emails[0];
    const login = p?.handles[0] ?? (person.startsWith('@') ? person.slice(1) : undefined);
    users.set(
      name,
      entity('User', name, login ? { 'github.com/user-login': login } : undefined, {
        profile: { ...(p?.names[0] ? { displayName: p.names[0] } : {}), ...(email ? { email } : {}) },
        memberOf: [],
      }),
    );
  }
  return name;
}

/** A valid Backstage entity name: `[a-zA-Z0-9]` runs separated by one of `-_.`, ≤ 63 characters. */
export function nameOf(id: string): string {
  const base = id.replace(/^@/, '').split('/').pop()!;
  const clean = base
    .replace(/[^a-zA-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return clean || 'team';
}
