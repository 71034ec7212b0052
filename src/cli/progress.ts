import cliProgress from 'cli-progress';
import type { CliStream } from './cliStorage.js';

/**
 * A progress bar on stderr for long imports; when not on a terminal (CI logs stay readable), a line now and
 * then instead.
 */
export function progressBar(
  label: string,
  stderr: CliStream = process.stderr,
): { update(done: number, total?: number): void; stop(): void } {
  if (!stderr.isTTY) {
    let lastLogged = 0;
    return {
      update(done, total) {
        if (total && (done === total || done - lastLogged >= Math.max(1000, total / 10))) {
          lastLogged = done;
          stderr.write(`${label}: ${done}/${total}\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | eta {eta_formatted}`,
      stream: stderr as NodeJS.WritableStream,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started && total) {
        bar.start(total, 0);
        started = true;
      }
      if (started) bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
