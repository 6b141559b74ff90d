// Talks to the analyzer worker (dist/worker.js, a forked Node process): one request → one
// answer, matched by id, with progress callbacks and cancellation. The worker is started lazily
// and restarted if it dies, so a crash in an analysis never takes the extension host down.
import { fork, type ChildProcess } from 'node:child_process';
import { isFromWorker, type FromWorker, type ToWorker } from '../analyzer/protocol';

type Pending = {
  resolve(m: FromWorker): void;
  reject(e: Error): void;
  progress?(m: FromWorker & { type: 'progress' }): void;
};
type Request = ToWorker extends infer T ? (T extends { id: number } ? Omit<T, 'id'> : never) : never;

export class WorkerClient {
  private child: ChildProcess | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly script: string) {}

  request(
    msg: Request,
    progress?: Pending['progress'],
    token?: { onCancellationRequested(f: () => void): unknown },
  ): Promise<FromWorker> {
    const id = this.nextId++;
    const child = this.ensure();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      token?.onCancellationRequested(() => child.send({ id: this.nextId++, type: 'cancel', target: id }));
      child.send({ ...msg, id } as ToWorker);
    });
  }

  dispose(): void {
    this.child?.kill();
    this.child = undefined;
  }

  private ensure(): ChildProcess {
    if (this.child?.connected) return this.child;
    const child = fork(this.script, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: [] });
    child.on('message', (m) => this.receive(m));
    child.on('exit', () => {
      for (const p of this.pending.values()) p.reject(new Error('the Conway analyzer stopped unexpectedly'));
      this.pending.clear();
      if (this.child === child) this.child = undefined;
    });
    this.child = child;
    return child;
  }

  private receive(m: unknown): void {
    if (!isFromWorker(m)) return;
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.progress?.(m);
    this.pending.delete(m.id);
    if (m.type === 'error') p.reject(new Error(m.message));
    else p.resolve(m);
  }
}
