// One side of a change (its base or its head) as a file list and a reader, without checking
// anything out: a commit (`git ls-tree` + blobs), the index (staged changes) or the work tree.
// Files whose content on this side is not the work tree's are listed in `differs`: only they
// are read from git (one `cat-file --batch` for all of them); the others are read from the disk,
// which is also where the import graph already parsed them.
import { readRepoFile } from '../collect/read-file';
import { diffChanges, listTree, listUntracked, readBlobs } from '../collect/revision';
import { listTrackedFiles } from '../collect/tracked-files';
import { CODEOWNERS_LOCATIONS } from '../codeowners/load';
import { CONFIG_FILE, SOURCE_EXTENSIONS } from '../imports';
import { TEAM_MAP_FILE } from '../teams/load';
import { CATALOG_FILES } from '../sources/backstage/load';
import { PLUS_CONFIG, PLUS_FILE } from '../sources/codeowners-plus/load';

const MAX_BYTES = 3 * 1024 * 1024;
const INPUTS = new Set([...CODEOWNERS_LOCATIONS.github, ...CODEOWNERS_LOCATIONS.gitlab, TEAM_MAP_FILE, PLUS_CONFIG]);
/** Read wherever they are: Codeowners Plus files and catalog files (a catalog's Location targets are any YAML file). */
const INPUT_NAMES = new Set([PLUS_FILE, ...CATALOG_FILES]);
const YAML = /\.ya?ml$/;

export interface Side {
  /** The commit, or null for the index / the work tree. */
  commit: string | null;
  tracked: string[];
  trackedSet: Set<string>;
  /** Files whose content here differs from the work tree's (or that the work tree lacks). */
  differs: Set<string>;
  read(path: string): string | null;
}

/** Whether Conway ever reads this file's content (sources, resolver configs, CODEOWNERS, .codeowners, the team map, the catalog). */
function isInput(path: string): boolean {
  return (
    SOURCE_EXTENSIONS.test(path) ||
    CONFIG_FILE.test(path) ||
    INPUTS.has(path) ||
    INPUT_NAMES.has(path.slice(path.lastIndexOf('/') + 1)) ||
    YAML.test(path)
  );
}

export async function sideAtCommit(root: string, commit: string): Promise<Side> {
  const [tracked, changed] = await Promise.all([listTree(root, commit), diffChanges(root, [commit], false)]);
  return withBlobs(root, commit, tracked, new Set(changed.map((c) => c.path)), (p) => `${commit}:${p}`);
}

/** The staged state: git's index. */
export async function sideAtIndex(root: string): Promise<Side> {
  const [tracked, changed] = await Promise.all([listTrackedFiles(root), diffChanges(root, [], false)]);
  return withBlobs(root, null, [...new Set(tracked)], new Set(changed.map((c) => c.path)), (p) => `:${p}`);
}

/** The work tree: tracked files still on disk, plus untracked files that are not ignored. */
export async function sideAtWorktree(root: string): Promise<Side> {
  const [tracked, changed, untracked] = await Promise.all([
    listTrackedFiles(root),
    diffChanges(root, [], false),
    listUntracked(root),
  ]);
  const gone = new Set(changed.filter((c) => c.status === 'deleted').map((c) => c.path));
  const files = [...new Set([...tracked.filter((f) => !gone.has(f)), ...untracked])].sort();
  const set = new Set(files);
  return {
    commit: null,
    tracked: files,
    trackedSet: set,
    differs: new Set(untracked),
    read: (p) => (set.has(p) ? readDisk(root, p) : null),
  };
}

async function withBlobs(
  root: string,
  commit: string | null,
  tracked: string[],
  differs: Set<string>,
  spec: (p: string) => string,
): Promise<Side> {
  const set = new Set(tracked);
  const wanted = [...differs].filter((p) => set.has(p) && isInput(p));
  const blobs = await readBlobs(root, wanted.map(spec));
  const text = new Map(wanted.map((p) => [p, blobs.get(spec(p))]));
  return {
    commit,
    tracked,
    trackedSet: set,
    differs,
    read(p) {
      if (!set.has(p)) return null;
      if (!differs.has(p)) return readDisk(root, p);
      const b = text.get(p);
      return b && b.length < MAX_BYTES ? b.toString('utf8') : null;
    },
  };
}

/** A work-tree file, read only when it stays inside the repository (a committed link may point anywhere). */
function readDisk(root: string, path: string): string | null {
  const r = readRepoFile(root, path, MAX_BYTES, true);
  return r.kind === 'text' ? r.text : null;
}
