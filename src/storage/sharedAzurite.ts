import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEV_ACCOUNT, devConnectionString, startEmbeddedAzurite, type EmbeddedAzurite } from './embeddedAzurite.js';

/**
 * The embedded store on disk must have one Azurite process at a time (two would overwrite each other's
 * files). The process that starts it records its port in DATA_DIR; the bot, the CLI commands and a second
 * bot instance attach to that one while it is alive, and only the starter stops it.
 */
export async function startOrAttachAzurite(dataDir: string): Promise<EmbeddedAzurite & { attached: boolean }> {
  const marker = path.join(dataDir, 'azurite-endpoint.json');
  const existing = readMarker(marker);
  if (existing && isAlive(existing.pid) && (await answers(existing.port))) {
    return { port: existing.port, connectionString: devConnectionString(existing.port), stop: async () => undefined, attached: true };
  }
  const azurite = await startEmbeddedAzurite({ location: dataDir });
  writeFileSync(marker, JSON.stringify({ pid: process.pid, port: azurite.port }));
  return {
    ...azurite,
    attached: false,
    stop: async () => {
      if (readMarker(marker)?.pid === process.pid) rmSync(marker, { force: true });
      await azurite.stop();
    },
  };
}

function readMarker(file: string): { pid: number; port: number } | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; port?: unknown };
    return typeof value.pid === 'number' && typeof value.port === 'number' ? { pid: value.pid, port: value.port } : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/${DEV_ACCOUNT}/Tables`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}
