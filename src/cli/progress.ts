import cliProgress from 'cli-progress';

/** A progress bar on stderr for long imports; quiet when not on a terminal (CI logs stay readable). */
export function progressBar(label: string): { update(done: number, total?: number): void; stop(): void } {
  if (!process.stderr.isTTY) {
    let lastLogged = 0;
    return {
      update(done, total) {
        if (total && (done === total || done - lastLogged >= Math.max(1000, total / 10))) {
          lastLogged = done;
          process.stderr.write(`${label}: ${done}/${total}\n`);
        }
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} | eta {eta_formatted}`, stream: process.stderr },
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
