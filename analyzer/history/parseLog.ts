// Pure, incremental parser for the output of (see analyzer/history/mine.ts for the full command):
//   git log --use-mailmap -M -z --numstat|--name-status --format=LOG_FORMAT
// With -z every field ends in NUL, so paths with spaces, quotes, tabs or newlines are verbatim.
// Layout per commit: `\x1e<sha>\x1f<name>\x1f<email>\x1f<unix date>\x1f<co-authors>\x1f<reviewers>\x1f<subject>\0`, then
// (after one `\n`) one entry per file:
//   numstat      `<added>\t<deleted>\t<path>\0`, a rename `<added>\t<deleted>\t\0<old>\0<new>\0`,
//                binary files `-\t-\t…` (→ null);
//   name-status  `<status>\0<path>\0`, a rename or copy `R<score>\0<old>\0<new>\0`.
// The parser is a state machine over NUL-separated tokens: a token is a path only when the
// previous entry announced one, so a path can never be mistaken for a commit header.
// Non-UTF-8 bytes in paths arrive decoded as U+FFFD (git gives bytes; Conway keys by text).
import type { FileChange } from '../model/types';
import { subjectPrint } from './automated';

export const LOG_FORMAT =
  '%x1e%H%x1f%aN%x1f%aE%x1f%at%x1f%(trailers:key=Co-authored-by,valueonly,separator=%x1d)' +
  '%x1f%(trailers:key=Reviewed-by,key=Approved-by,key=Acked-by,valueonly,separator=%x1d)%x1f%s';

/** A squash-merged pull request's subject ends in ` (#123)` (GitHub's default squash title). */
const SQUASH_PR = /\(#(\d{1,9})\)\s*$/;

export type LogMode = 'numstat' | 'name-status';

/** The one empty list every commit without co-authors or files shares (never mutated). */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** A commit as git wrote it, before identity resolution and path filtering. */
export interface RawCommit {
  sha: string;
  name: string;
  email: string;
  date: number;
  /** Values of Co-authored-by trailers, e.g. `Bob <bob@acme.io>`. */
  coAuthors: string[];
  files: FileChange[];
  /** Values of Reviewed-by / Approved-by / Acked-by trailers; absent when there are none. */
  reviewers?: string[];
  /** The pull request number of a squash commit (`… (#123)`); absent otherwise. */
  pr?: number;
  /** The subject's print (automated.ts): machine-written bit + template hash; the subject itself is not kept. */
  subject: number;
}

export class LogParser {
  private rest = '';
  private commit: RawCommit | null = null;
  private entry: FileChange | null = null;
  /** Path tokens the current entry still expects: 2 = old then new, 1 = new. */
  private need = 0;
  private readonly strings = new Map<string, string>();

  constructor(
    private readonly mode: LogMode,
    private readonly onCommit: (c: RawCommit) => void,
  ) {}

  /** Feeds a chunk of text; complete commits are emitted as soon as the next one starts. */
  push(text: string): void {
    const tokens = (this.rest + text).split('\0');
    this.rest = tokens.pop()!;
    for (const token of tokens) this.readToken(token);
  }

  /** Flushes the last commit. */
  end(): void {
    if (this.rest) this.readToken(this.rest);
    this.rest = '';
    this.flush();
  }

  private readToken(token: string): void {
    if (this.need > 0) return this.readPath(token);
    if (token.charCodeAt(0) === 10) token = token.slice(1);
    if (token === '') return;
    if (token.charCodeAt(0) === 0x1e) return this.readHeader(token);
    if (this.mode === 'numstat') this.readNumstat(token);
    else this.readStatus(token);
  }

  private readHeader(token: string): void {
    this.flush();
    // Defaults: a truncated header (a killed git, a broken pipe) yields empty fields, not a crash.
    const [sha = '', name = '', email = '', date = '', trailers = '', reviews = '', ...rest] = token
      .slice(1)
      .split('\x1f');
    const subject = rest.join('\x1f');
    const commit: RawCommit = {
      sha: copy(sha),
      name: this.intern(name),
      email: this.intern(email),
      date: Number(date),
      coAuthors: trailers
        ? trailers
            .split('\x1d')
            .map((t) => this.intern(t.trim()))
            .filter(Boolean)
        : NONE,
      files: [],
      subject: subjectPrint(subject),
    };
    if (reviews)
      commit.reviewers = reviews
        .split('\x1d')
        .map((t) => this.intern(t.trim()))
        .filter(Boolean);
    const pr = SQUASH_PR.exec(subject);
    if (pr) commit.pr = Number(pr[1]);
    this.commit = commit;
  }

  private readNumstat(token: string): void {
    const t1 = token.indexOf('\t');
    const t2 = token.indexOf('\t', t1 + 1);
    const entry: FileChange = { path: '', added: count(token.slice(0, t1)), deleted: count(token.slice(t1 + 1, t2)) };
    const path = token.slice(t2 + 1);
    this.startEntry(entry, path);
  }

  private readStatus(token: string): void {
    const entry: FileChange = { path: '', added: null, deleted: null };
    const kind = token.charCodeAt(0);
    this.entry = entry;
    this.need = kind === 82 /* R */ || kind === 67 /* C */ ? 2 : 1;
  }

  private startEntry(entry: FileChange, path: string): void {
    this.entry = entry;
    if (path === '') this.need = 2;
    else this.finishEntry(path);
  }

  private readPath(token: string): void {
    if (this.need === 2) {
      this.entry!.oldPath = this.intern(token);
      this.need = 1;
    } else this.finishEntry(token);
  }

  private finishEntry(path: string): void {
    const entry = this.entry!;
    entry.path = this.intern(path);
    this.commit?.files.push(entry);
    this.entry = null;
    this.need = 0;
  }

  private flush(): void {
    const c = this.commit;
    if (c) {
      // An array grown by push keeps spare capacity (17 slots for one file); over a million
      // commits the exact-size copy saves ~100 MB.
      c.files = c.files.length ? c.files.slice() : NONE;
      if (c.coAuthors.length === 0) c.coAuthors = NONE;
      this.onCommit(c);
    }
    this.commit = null;
  }

  /** One shared copy per distinct path or name: saves memory and drops references to chunks. */
  private intern(s: string): string {
    let v = this.strings.get(s);
    if (v === undefined) this.strings.set((v = copy(s)), v);
    return v;
  }
}

/** Parses a whole log text at once (tests, small outputs). */
export function parseLog(text: string, mode: LogMode): RawCommit[] {
  const out: RawCommit[] = [];
  const parser = new LogParser(mode, (c) => out.push(c));
  parser.push(text);
  parser.end();
  return out;
}

function count(s: string): number | null {
  const n = s === '-' ? NaN : Number(s);
  return Number.isFinite(n) ? n : null;
}

/** V8 keeps a substring pointing into its parent chunk; a real copy lets the chunk be freed. */
function copy(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}
