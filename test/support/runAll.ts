import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/**
 * `npm test`: the checks (`npm run format:check`, `lint`, `deps`, `typecheck`) and mocha, all at once,
 * rather than the checks first and then the tests. The tests spend most of their time waiting on processes,
 * Azurite and timers; the checks fill that time, niced so a test's own timing is served first. Each check's
 * output is held until it ends (in full when it fails, one line when it passes); mocha's streams as it comes.
 * The exit code is non-zero when any check or any test failed, as with `npm run check && mocha`.
 *
 * `--checks`: the checks alone (npm run check), still concurrently. Anything else is passed on to mocha.
 */
const CHECKS = ['format:check', 'lint', 'deps', 'typecheck'];

type Result = { name: string; code: number; ms: number; output: string };

function run(name: string, command: string, args: string[], opts: { quiet: boolean }): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (error) => resolve({ name, code: 127, ms: Date.now() - started, output: String(error) }));
    child.on('close', (code, signal) =>
      resolve({ name, code: code ?? (signal ? 128 : 1), ms: Date.now() - started, output }),
    );
  });
}

function check(name: string, withTests: boolean): Promise<Result> {
  // Lower priority only beside the tests (`nice` is POSIX; without it, the check runs at normal priority).
  const npm = ['npm', 'run', '--silent', name];
  const niced = withTests && process.platform !== 'win32';
  return run(name, niced ? 'nice' : npm[0]!, niced ? ['-n', '10', ...npm] : npm.slice(1), { quiet: true }).then(
    (result) => {
      const seconds = (result.ms / 1000).toFixed(1);
      if (result.code === 0) console.log(`check ${name}: passed (${seconds} s)`);
      else console.log(`\ncheck ${name}: FAILED, exit ${result.code} (${seconds} s)\n${result.output.trimEnd()}\n`);
      return result;
    },
  );
}

const args = process.argv.slice(2);
const checksOnly = args[0] === '--checks';
const mochaBin = createRequire(import.meta.url).resolve('mocha/bin/mocha.js');
const results = await Promise.all([
  ...CHECKS.map((name) => check(name, !checksOnly)),
  ...(checksOnly ? [] : [run('mocha', process.execPath, [mochaBin, ...args], { quiet: false })]),
]);
const failed = results.filter((r) => r.code !== 0).map((r) => (r.name === 'mocha' ? 'tests' : `check ${r.name}`));
if (failed.length) console.log(`\nFailed: ${failed.join(', ')}`);
else if (!checksOnly) console.log(`\nAll ${CHECKS.length} checks and the tests passed.`);
process.exit(failed.length ? 1 : 0);
