import { readdirSync, readFileSync } from 'node:fs';

/** Azurite processes whose command line names this data folder (Linux: read from /proc). */
export function azuriteProcesses(dataDir: string): number[] {
  const pids: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes('azurite') && cmd.includes(dataDir)) pids.push(Number(pid));
    } catch {
      // gone
    }
  }
  return pids;
}
