// Unowned source files grouped by directory: each file goes to the highest
// directory whose source files are all unowned, so one CODEOWNERS line (`/dir/ @owner`) owns
// the whole group and no owned file changes hands. The owner proposed is the one whose team
// made most of the window's changes to those files, else the most common owner of the source
// files next to the directory (its parent's owned files).
import { suggestLine } from '../model/suggest-line';
import { ancestors } from './directories';

export interface UnownedDirs {
  /** The directory (or the file itself, when its directory has owned files) that groups a file. */
  dirOf(file: string): string;
  describe(dir: string, files: string[]): { title: string; target: string; line: string | null };
}

export interface UnownedDirsInput {
  sources: string[];
  isUnowned(path: string): boolean;
  ownersOf(path: string): string[];
  /** Owners of the team that made most of the window's changes to these files, or null. */
  historyOwners(files: string[]): string[] | null;
}

export function unownedDirs(x: UnownedDirsInput): UnownedDirs {
  const total = new Map<string, number>();
  const unowned = new Map<string, number>();
  for (const f of x.sources) {
    const no = x.isUnowned(f);
    for (const d of ancestors(f)) {
      total.set(d, (total.get(d) ?? 0) + 1);
      if (no) unowned.set(d, (unowned.get(d) ?? 0) + 1);
    }
  }
  const dirOf = (file: string) => ancestors(file).find((d) => unowned.get(d) === total.get(d)) ?? file;
  const describe = (dir: string, files: string[]) => {
    const isDir = dir !== files[0] || files.length > 1;
    const owners = x.historyOwners(files) ?? neighbourOwners(x, dir);
    const where = isDir ? (dir ? `${dir}/` : 'the repository') : dir;
    const title = `${files.length} unowned source file${files.length === 1 ? '' : 's'} in ${where}`;
    const line = owners ? (dir ? suggestLine(dir, isDir, owners) : `* ${owners.join(' ')}`) : null;
    return { title, target: isDir ? dir || '.' : dir, line };
  };
  return { dirOf, describe };
}

function neighbourOwners(x: UnownedDirsInput, dir: string): string[] | null {
  const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  const counts = new Map<string, number>();
  for (const f of x.sources) {
    if (parent && !f.startsWith(parent + '/')) continue;
    const owners = x.ownersOf(f);
    if (owners.length) counts.set(owners.join(' '), (counts.get(owners.join(' ')) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const [k, n] of counts) if (best === null || n > counts.get(best)!) best = k;
  return best ? best.split(' ') : null;
}
