import { readFileSync } from 'node:fs';

/** How long Azurite gets to save its store after SIGINT before it is killed. */
export const SAVE_GRACE_MS = 20_000;

/**
 * Whether a process is running. A zombie (exited, not yet reaped — an adopted Azurite's parent is gone,
 * and some container inits never reap) is not running: signal 0 alone would say it is.
 */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // The state is the field after the parenthesised command name.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\S+ \(.*\) [ZX]/s.test(stat);
  } catch {
    return process.platform !== 'linux';
  }
}

/**
 * Asks an Azurite to stop the one way it saves its store (SIGINT; SIGTERM would lose recent writes), waits
 * up to `graceMs`, then kills it. Resolves `saved` only when it stopped by itself — only then may the redo
 * log that covers its unsaved writes be discarded.
 */
export async function stopAzurite(pid: number, graceMs = SAVE_GRACE_MS): Promise<'saved' | 'killed' | 'gone'> {
  if (!isRunning(pid)) return 'gone';
  process.kill(pid, 'SIGINT');
  const until = Date.now() + graceMs;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    if (!isRunning(pid)) return 'saved';
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // it went on its own between the last check and now
  }
  return 'killed';
}
