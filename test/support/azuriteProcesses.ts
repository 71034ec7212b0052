import { readdirSync, readFileSync } from 'node:fs';

/**
 * Azurite processes whose command line names this data folder (Linux: read from /proc): its own program, not any
 * process whose arguments merely mention Azurite and the folder (a test's store-opening script does).
 */
export function azuriteProcesses(dataDir: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (/azurite[\\/]dist[\\/]src[\\/]table[\\/]main\.js/.test(cmd) && cmd.includes(dataDir)) pids.push(Number(pid));
    } catch {
      // gone
    }
  }
  return pids;
}
