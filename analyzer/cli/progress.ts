// Progress on stderr, only when it is a terminal: one line rewritten in place, at most ten
// times a second, with the phase, counts and rate — never mixed into stdout.
import { analyzeRepo, type AnalyzeOptions } from '../analyze';
import type { Report } from '../contract/report';
import type { Io } from './command';

export function progressPrinter(io: Io): {
  update(p: { phase: string; done?: number; total?: number }): void;
  done(): void;
} {
  if (!io.progress) return { update: () => undefined, done: () => undefined };
  let last = 0;
  let phaseStart = Date.now();
  let phase = '';
  let shown = false;
  return {
    update(p) {
      const now = Date.now();
      if (p.phase !== phase) [phase, phaseStart] = [p.phase, now];
      else if (now - last < 100) return;
      last = now;
      const count = p.done === undefined ? '' : ` ${p.done}${p.total ? `/${p.total}` : ''}`;
      const secs = (now - phaseStart) / 1000;
      const rate = p.done && secs > 0.5 ? ` (${Math.round(p.done / secs)}/s)` : '';
      io.stderr(`\r\x1b[2K${p.phase}${count}${rate}`);
      shown = true;
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}

/** The analysis every reading command runs, with its progress on stderr (cleared when it ends, also on failure). */
export function analyzeWithProgress(root: string, options: AnalyzeOptions, io: Io): Promise<Report> {
  const progress = progressPrinter(io);
  return analyzeRepo(root, { ...options, onProgress: progress.update }).finally(progress.done);
}
