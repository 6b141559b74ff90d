// Rows that grow with the size of the organization (files, violations, imports of outside
// packages) go to temporary JSON-lines files as each report is read, never into memory: the
// merge keeps only aggregates, whatever the number of repositories (bench/merge.mjs).
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export class Spool {
  readonly dir = mkdtempSync(join(tmpdir(), 'conway-merge-'));
  private readonly fds = new Map<string, number>();
  private readonly counts = new Map<string, number>();

  push(name: string, row: unknown): void {
    let fd = this.fds.get(name);
    if (fd === undefined) this.fds.set(name, (fd = openSync(join(this.dir, `${name}.jsonl`), 'w')));
    writeSync(fd, JSON.stringify(row) + '\n');
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  count(name: string): number {
    return this.counts.get(name) ?? 0;
  }

  /** The raw JSON lines of one spool, in order. */
  async *lines(name: string): AsyncGenerator<string> {
    if (!this.count(name)) return;
    this.close(name);
    for await (const line of createInterface({
      input: createReadStream(join(this.dir, `${name}.jsonl`)),
      crlfDelay: Infinity,
    }))
      if (line) yield line;
  }

  private close(name: string): void {
    const fd = this.fds.get(name);
    if (fd !== undefined) closeSync(fd);
    this.fds.delete(name);
  }

  remove(): void {
    for (const name of [...this.fds.keys()]) this.close(name);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
