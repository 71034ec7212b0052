import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import getPort from 'get-port';
import { childEnvironment } from '../config/config.js';
import { stopAzurite } from './processStop.js';

/** The documented, public development-account key of Azurite (not a secret). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export function devConnectionString(port: number, account = DEV_ACCOUNT): string {
  return `DefaultEndpointsProtocol=http;AccountName=${account};AccountKey=${DEV_ACCOUNT_KEY};TableEndpoint=http://127.0.0.1:${port}/${account};`;
}

export type EmbeddedAzurite = {
  connectionString: string;
  port: number;
  pid?: number;
  /** Stops it; `saved` when it stopped by itself after saving its store, `killed` when it had to be. */
  stop(): Promise<'saved' | 'killed' | 'gone'>;
};

export type EmbeddedAzuriteOptions = {
  location?: string;
  port?: number;
  readyTimeoutMs?: number;
  /** Called as soon as the process exists, before it is ready (sharedAzurite names it in its marker). */
  onSpawn?: (pid: number, port: number) => void;
  /**
   * Storage accounts it serves besides the development account, all with the development key. Tests give each
   * bot an account of its own on one Azurite, instead of starting an Azurite for each.
   */
  accounts?: string[];
  /** Where a free port comes from when none is given (tests give one that is taken, to see it tried again). */
  choosePort?: () => Promise<number>;
};

/**
 * Starts Azurite's table server as a child process on loopback, with telemetry off, and resolves once
 * it reports it is ready. `location` keeps data on disk (npm start); without it the store is in memory (tests).
 */
export async function startEmbeddedAzurite(options: EmbeddedAzuriteOptions = {}): Promise<EmbeddedAzurite> {
  // A free port can be taken by another process between choosing it and Azurite listening on it (seen in a full
  // test run: "listen EADDRINUSE"): with no port given, another is chosen and Azurite started again.
  const choose = options.choosePort ?? (() => getPort({ host: '127.0.0.1' }));
  for (let attempt = 1; ; attempt++) {
    const port = options.port ?? (await choose());
    try {
      return await startOn(port, options);
    } catch (error) {
      const taken = error instanceof Error && error.message.includes('EADDRINUSE');
      if (!taken || options.port !== undefined || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

const PORT_ATTEMPTS = 3;

async function startOn(port: number, options: EmbeddedAzuriteOptions): Promise<EmbeddedAzurite> {
  const require = createRequire(import.meta.url);
  const main = path.join(path.dirname(require.resolve('azurite/package.json')), 'dist', 'src', 'table', 'main.js');
  // --silent: no per-request access log (it costs Azurite CPU and we never read it).
  const args = [
    main,
    '--tableHost',
    '127.0.0.1',
    '--tablePort',
    String(port),
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--loose',
    '--silent',
  ];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  // Azurite reads its accounts from this variable only (it then serves no other, so ours is listed too).
  const env = options.accounts
    ? childEnvironment({
        AZURITE_ACCOUNTS: [DEV_ACCOUNT, ...options.accounts].map((a) => `${a}:${DEV_ACCOUNT_KEY}`).join(';'),
      })
    : undefined;
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], ...(env ? { env } : {}) });
  if (child.pid !== undefined) options.onSpawn?.(child.pid, port);
  await waitUntilReady(child, options.readyTimeoutMs ?? 30_000);
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  return {
    port,
    pid: child.pid,
    connectionString: devConnectionString(port),
    stop: () => {
      process.off('exit', stopOnExit);
      return stopAzurite(child.pid!);
    },
  };
}

function waitUntilReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`Azurite did not start within ${timeoutMs} ms. Output:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('successfully started')) {
        cleanup();
        // Keep draining its output so a full pipe never blocks it.
        child.stdout?.resume();
        child.stderr?.resume();
        resolve();
      }
    };
    const onExit = (code: number | null) =>
      fail(new Error(`Azurite exited (code ${code}) before it was ready. Output:\n${output}`));
    const fail = (error: Error) => {
      cleanup();
      child.kill('SIGKILL');
      reject(error);
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}
