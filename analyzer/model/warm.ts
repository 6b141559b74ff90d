// The long-lived state of a process that analyses the same repositories again and again (the
// editor's worker): one explicit object, created by that process and passed through the
// options — never module state, so a one-shot CLI run keeps nothing and tests need no resets.
// State is kept per repository root, each room under its own name (history cache entries,
// the import index, who-owns answers, parsed team maps, …); only the `maxRoots` most recently
// used roots are kept, so one folder of a multi-root editor never evicts another's state and
// memory stays bounded.
export class WarmContext {
  private readonly roots = new Map<string, Map<string, unknown>>();
  private readonly writes = new Set<Promise<unknown>>();

  constructor(readonly maxRoots = 8) {}

  /** The state `name` of `root`, created on first use; using a root makes it the most recent. */
  slot<T>(root: string, name: string, create: () => T): T {
    let slots = this.roots.get(root);
    if (slots) this.roots.delete(root);
    else slots = new Map();
    this.roots.set(root, slots);
    for (const oldest of this.roots.keys()) {
      if (this.roots.size <= this.maxRoots) break;
      this.roots.delete(oldest);
    }
    if (!slots.has(name)) slots.set(name, create());
    return slots.get(name) as T;
  }

  /** Forgets what is kept for one root (its folder left the workspace, or HEAD moved for `name`). */
  forget(root: string, name?: string): void {
    if (name === undefined) this.roots.delete(root);
    else this.roots.get(root)?.delete(name);
  }

  /** Roots with state, least recently used first. */
  rootsKept(): string[] {
    return [...this.roots.keys()];
  }

  /** A disk write done after the answer (so it is not on the path to a report); flush() awaits it. */
  track(write: Promise<unknown>): void {
    this.writes.add(write);
    const done = () => void this.writes.delete(write);
    write.then(done, done);
  }

  /** Resolves when every tracked write is done (shutdown, tests). */
  async flush(): Promise<void> {
    while (this.writes.size) await Promise.all([...this.writes]);
  }
}
