// Writes a merged report. JSON is streamed — the aggregates, then the spooled files and
// violations line by line — so the output never has to fit in one string; md and html render
// from a report with the spooled rows read back (for merges a page can show).
import { closeSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { renderReport } from '../report';
import type { FileRow, Violation } from '../contract/report';
import type { Merged } from './merge';

export async function writeMergedJson(m: Merged, write: (chunk: string) => void): Promise<void> {
  const head = JSON.stringify({ ...m.report, files: undefined, violations: undefined });
  write(head.slice(0, -1));
  for (const name of ['files', 'violations'] as const) {
    write(`,"${name}":[`);
    let first = true;
    for await (const line of m.spool.lines(name)) {
      write(first ? line : `,${line}`);
      first = false;
    }
    write(']');
  }
  write('}\n');
}

export async function renderMerged(format: string, m: Merged): Promise<string> {
  const files: FileRow[] = [];
  const violations: Violation[] = [];
  for await (const line of m.spool.lines('files')) files.push(JSON.parse(line) as FileRow);
  for await (const line of m.spool.lines('violations')) violations.push(JSON.parse(line) as Violation);
  return renderReport(format, { ...m.report, files, violations });
}

/** A file written in chunks through a temp file beside it, renamed at the end (never half a report). */
export async function toFileInChunks(
  path: string,
  fill: (write: (chunk: string) => void) => Promise<void>,
): Promise<void> {
  const tmp = `${path}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'wx', 0o666);
  try {
    await fill((chunk) => {
      const bytes = Buffer.from(chunk);
      for (let off = 0; off < bytes.length;) off += writeSync(fd, bytes, off);
    });
    closeSync(fd);
    renameSync(tmp, path);
  } catch (e) {
    closeSync(fd);
    unlinkSync(tmp);
    throw e;
  }
}
