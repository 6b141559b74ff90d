// Which owner tokens GitHub and GitLab accept (docs: "@username, @org/team-name or an email").
// GitHub user names: alphanumerics and single hyphens; team slugs also allow `_` and `.`.
// GitLab adds nested groups (`@group/sub/subsub`) and roles (`@@maintainer`).
import type { Flavor, Team } from './types';

const GITHUB_USER = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const GITHUB_TEAM = /^@[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9._-]*$/;
const GITLAB_PATH = /^@[A-Za-z0-9_.][A-Za-z0-9_.-]*(?:\/[A-Za-z0-9_.][A-Za-z0-9_.-]*)*$/;
const GITLAB_ROLE = /^@@(?:developer|maintainer|owner)s?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** Null when the owner is valid, else why it is not. */
export function checkOwner(owner: string, flavor: Flavor): string | null {
  if (EMAIL.test(owner)) return null;
  if (flavor === 'gitlab') {
    if (GITLAB_PATH.test(owner) || GITLAB_ROLE.test(owner)) return null;
  } else if (GITHUB_USER.test(owner) || GITHUB_TEAM.test(owner)) return null;
  if (!owner.startsWith('@')) return `owner '${owner}' is not valid: write @user, @org/team or an email address`;
  return `owner '${owner}' is not a valid ${flavor === 'gitlab' ? 'GitLab user, group or role' : 'GitHub @user or @org/team'}`;
}

/** `@org/team` (or a GitLab group path) as opposed to a person. */
export function isTeamOwner(owner: string): boolean {
  return owner.startsWith('@') && owner.includes('/');
}

/** Declared: the team map lists the members (even none), or the owners are all persons; else inferred from history. */
export function membershipOf(t: Team): 'declared' | 'inferred' {
  return t.membersDeclared || t.members.length || (t.owners.length && !t.owners.some(isTeamOwner))
    ? 'declared'
    : 'inferred';
}
