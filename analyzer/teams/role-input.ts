// What role detection reads: the rules, the teams and who owns each file.
import type { Rule, Team } from '../model/types';

export interface RoleInput {
  rules: Rule[];
  teams: Team[];
  teamsOfOwners(owners: string[]): string[];
  files: string[];
  teamsOf(path: string): string[];
  /** The deciding rule's pattern of a file (catch-all files are nobody's module); unknown: none is a catch-all. */
  patternOf?(path: string): string | null;
  /** Bot owners (bot-owners.ts): never delivery teams, whatever else is detected. */
  botTeams?: Set<string>;
}
