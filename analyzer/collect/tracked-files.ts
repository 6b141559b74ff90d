// Files git tracks at HEAD's index (`git ls-files -z`): NUL-separated so names with spaces,
// quotes or newlines survive. Streamed; the list itself is what callers need.
import { streamGit } from './git';

export async function listTrackedFiles(repoDir: string, signal?: AbortSignal): Promise<string[]> {
  const files: string[] = [];
  let rest = '';
  for await (const chunk of streamGit(repoDir, ['-c', 'core.quotepath=off', 'ls-files', '-z'], { signal })) {
    const parts = (rest + chunk).split('\0');
    rest = parts.pop()!;
    for (const p of parts) if (p) files.push(p);
  }
  if (rest) files.push(rest);
  return files;
}
