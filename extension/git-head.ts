// HEAD's commit read from .git files (no git process): HEAD → ref → loose ref or packed-refs.
// Read like every repository file (analyzer/collect/read-file.ts): regular files only, opened
// non-blocking (a FIFO at .git/HEAD must not hang the editor), with a size cap, and never through
// a link that leaves .git. Anything unexpected answers null ("HEAD unknown"), never a guess.
import { join } from 'node:path';
import { readRepoFile } from '../analyzer/analyze';

/** HEAD and loose refs hold one line ("ref: refs/heads/…" or a hash). */
const REF_CAP = 64 * 1024;
/** packed-refs grows with tags; 100k tags are about 6 MB, so 32 MB leaves room without bloating the editor. */
export const PACKED_REFS_CAP = 32 * 1024 * 1024;
/** SHA-1 (40) or SHA-256 (64) object names. */
const HASH = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export function readHead(root: string): string | null {
  const git = join(root, '.git');
  const head = readIn(git, 'HEAD', REF_CAP)?.trim();
  if (head === undefined) return null;
  if (!head.startsWith('ref: ')) return hashOrNull(head);
  const ref = head.slice(5).trim();
  if (!safeRef(ref)) return null;
  const loose = readRepoFile(git, ref, REF_CAP, true);
  if (loose.kind === 'text') return hashOrNull(loose.text.trim());
  if (loose.kind !== 'missing') return null;
  const packed = readIn(git, 'packed-refs', PACKED_REFS_CAP);
  const line = packed?.split('\n').find((l) => l.endsWith(` ${ref}`));
  return line ? hashOrNull(line.split(' ')[0]) : null;
}

/** A file of the .git directory as text, or undefined when it is missing or not a readable regular file inside it. */
function readIn(git: string, name: string, cap: number): string | undefined {
  const r = readRepoFile(git, name, cap, true);
  return r.kind === 'text' ? r.text : undefined;
}

/** A ref git itself would accept as HEAD's target: under refs/, no `..` component (no path out of .git). */
function safeRef(ref: string): boolean {
  return ref.startsWith('refs/') && !ref.includes('\0') && !ref.split('/').includes('..');
}

function hashOrNull(text: string): string | null {
  return HASH.test(text) ? text : null;
}
