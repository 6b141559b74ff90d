// The attributes file git's log reads through core.attributesFile (lockfiles and minified files
// `-diff`, docs/architecture.md, "Performance"). It lives in Conway's cache directory; with --no-cache, or when that
// directory cannot be written (read-only, a file where a directory belongs, a full disk), it goes
// to a private temporary directory that is removed after mining — a cache fault never stops
// an analysis, and --no-cache never touches the cache.
import { join } from 'node:path';
import { writePrivateTemp, writeTextAtomic } from '../collect/cache-stream';
import { readTextFile } from '../collect/read-file';
import { makeDirs } from '../collect/make-dirs';
import { BINARY_ATTRIBUTES } from './paths';

const TEXT = BINARY_ATTRIBUTES.join('\n') + '\n';

export interface AttributesFile {
  file: string;
  dispose(): void;
}

export function attributesFile(cacheDir: string | null): AttributesFile {
  if (cacheDir !== null) {
    try {
      return { file: writeIfChanged(cacheDir), dispose: () => undefined };
    } catch {
      // fall through to a private copy
    }
  }
  return writePrivateTemp('conway-attributes-', 'gitattributes', TEXT);
}

function writeIfChanged(cacheDir: string): string {
  const file = join(cacheDir, 'gitattributes');
  const read = readTextFile(file, 64 * 1024); // a regular file only: a FIFO there would block
  const current = read.kind === 'text' ? read.text : '';
  if (read.kind === 'missing') makeDirs(cacheDir);
  if (current !== TEXT) {
    writeTextAtomic(file, TEXT);
  }
  return file;
}
