import { spawn, type ChildProcess } from 'node:child_process';
import { fromRoot } from '../../src/config/projectPaths.js';
import { compiledEntry } from './compiledBot.js';

export type Activity = Record<string, any>;

/**
 * `compiled`: run the bot's source compiled once for the test process (compiledBot.ts) rather than through
 * tsx: the same code, started with about half the CPU. For tests that start the bot many times.
 */
export type LaunchOptions = { compiled?: boolean };

/**
 * The real bot as a separate process (`src/index.ts`, as `npm start` runs it), in its own process group
 * with the Azurite it starts or attaches to, for tests that kill processes or run two of them.
 */
export class BotProcess {
  output = '';
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {}

  static async start(port: number, env: Record<string, string>, options: LaunchOptions = {}): Promise<BotProcess> {
    const bot = BotProcess.launch(port, env, options);
    await bot.listening();
    return bot;
  }

  /** Starts the bot without waiting for it to listen (tests that kill it while it starts). */
  static launch(port: number, env: Record<string, string>, options: LaunchOptions = {}): BotProcess {
    const args = options.compiled ? [compiledEntry()] : ['--import', 'tsx', 'src/index.ts'];
    const child = spawn(process.execPath, args, {
      cwd: fromRoot(),
      detached: true,
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const bot = new BotProcess(child, port);
    child.stdout.on('data', (d) => (bot.output += d));
    child.stderr.on('data', (d) => (bot.output += d));
    return bot;
  }

  listening(timeoutMs = 90_000): Promise<void> {
    return waitUntil(
      () => {
        if (this.output.includes('bot listening')) return true;
        if (this.exited) throw new Error(`the bot exited before listening:\n${this.output}`);
        return false;
      },
      timeoutMs,
      () => this.output,
    );
  }

  /** One activity over HTTP with expectReplies; the replies. */
  async post(activity: Activity): Promise<{ status: number; activities: Activity[] }> {
    const res = await fetch(`http://127.0.0.1:${this.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        deliveryMode: 'expectReplies',
        serviceUrl: 'http://127.0.0.1:1/',
        id: `a-${Math.random()}`,
        recipient: { id: 'bot' },
        ...activity,
      }),
    });
    const body = (await res.json()) as { activities?: Activity[] };
    return { status: res.status, activities: body.activities ?? [] };
  }

  /** Signals the whole process group (the bot and an Azurite it started). */
  killGroup(signal: NodeJS.Signals): void {
    try {
      if (this.child.pid) process.kill(-this.child.pid, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // the whole group has gone already
    }
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }
}

/** Polls `ok` every `everyMs` (a test aiming a kill at a moment polls more often). */
export async function waitUntil(
  ok: () => boolean,
  timeoutMs: number,
  detail: () => string = () => '',
  everyMs = 100,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > until) throw new Error(`timed out\n${detail()}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
