import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runMain, type CliMain } from '../../src/cli/cliStorage.js';
import { fromRoot } from '../../src/config/projectPaths.js';
import { compiledEntry } from './compiledBot.js';

export type CliRun = { code: number; stdout: string; stderr: string };

const STORAGE = ['STORAGE_CONNECTION_STRING', 'STORAGE_ACCOUNT_URL', 'DATA_DIR'];

/**
 * The environment a command is run with: this process's, quiet, with `settings` on top; the storage it names
 * and no other (a developer's own storage settings never leak in).
 */
export function cliEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', ...settings };
  for (const name of STORAGE) if (!(name in settings)) delete env[name];
  return env;
}

/**
 * A command's exported main run in this process, as its own process runs it (runMain: the same exit code,
 * output and errors), without the second or two of starting node, tsx and the product's modules again.
 */
export async function runInProcess(main: CliMain, argv: string[], settings: Record<string, string>): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runMain(main, {
    argv,
    env: cliEnv(settings),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

/**
 * A command as its own process: `src/cli/<file>.ts` compiled once for the test process (compiledBot.ts: the same
 * code `npm run <script>` runs through tsx, started with about half the CPU), or, with `npmScript`, through npm
 * itself, as a person runs it.
 */
export async function spawnCli(
  file: string,
  argv: string[],
  settings: Record<string, string>,
  how: { npmScript?: string } = {},
): Promise<CliRun> {
  const [command, args] = how.npmScript
    ? ['npm', ['run', '--silent', how.npmScript, '--', ...argv]]
    : [process.execPath, [compiledEntry(`cli/${file}`), ...argv]];
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: fromRoot(), env: cliEnv(settings) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
