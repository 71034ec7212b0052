import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { z } from 'zod';

/**
 * `npm test`: the checks (`npm run format:check`, `check:code` — the type check and the lint on one program — and
 * `deps`) and the tests, all at once.
 *
 * The tests run as a few mocha processes ("shards"), each given whole test files, balanced by how long each
 * file took last time (kept in node_modules/.cache/send-bot-tests/; a fresh checkout balances by the committed
 * snapshot below). A shard is a process of its own, so each has its own in-memory Azurite (every bot in it given
 * a storage account of its own, test/support/testAzurite.ts) and module state, and no test needs to be written
 * for parallel running; most integration tests spend their time waiting on processes, Azurite and timers, so a
 * few at once fill both cores. Measured on the 2-core machine (session 11, whole npm test): 2 shards 220 s
 * (316 CPU-s), 3 shards 206–208 s, 4 shards 197 s (345 CPU-s), 5 shards 208 s: past two, CPU-seconds rise
 * with the contention, so more shards fill waits but each test costs more. The checks are niced, so the tests' own
 * timing is served first; each check's output is held until it ends (in full when it fails, one line when it
 * passes). While the tests run, one character per test ('.' passed, '!' failed, ',' pending) shows progress;
 * at the end each failure is listed with mocha's diffs, then the totals.
 *
 * `TEST_SHARDS` (1–8, default 4) sets how many shards run. `--checks`: the checks alone (npm run check).
 * Any other argument (a file, `--grep`, …) runs one plain mocha with those arguments, streamed as it comes.
 */
const CHECKS = ['format:check', 'check:code', 'deps'];
const TIERS = ['test/unit', 'test/contract', 'test/integration'];
const CACHE = path.join('node_modules', '.cache', 'send-bot-tests', 'durations.json');
/**
 * Milliseconds each file took in a warm npm test on the 2-core machine (session 14), committed so that a fresh
 * checkout (CI, a new clone, after `npm ci` empties node_modules/.cache) balances its first run as well as later
 * ones: balanced by tier estimates alone, one cold run's shards took 32 and 50 files and it ended 23 s later than
 * the warm runs' 120-130 s. Refresh it from the cache above after adding slow tests; a file missing from both
 * takes its tier's estimate.
 */
const SNAPSHOT = path.join('test', 'support', 'testDurations.json');
/** Seconds a file is expected to take when it has not been timed yet. */
const ESTIMATE: Record<string, number> = { 'test/unit': 0.5, 'test/contract': 3, 'test/integration': 20 };

type Result = { name: string; code: number; ms: number; output: string };
type ShardReport = { passes: number; failures: number; pending: number; durations: Record<string, number> };

const require = createRequire(import.meta.url);
const mochaBin = require.resolve('mocha/bin/mocha.js');
const reporter = require.resolve('./shardReporter.cjs');
const { MARKER } = require('./shardReporter.cjs') as { MARKER: string };

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

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function check(name: string, withTests: boolean): Promise<Result> {
  // Lower priority only beside the tests (`nice` is POSIX; without it, the check runs at normal priority). Nice 5,
  // not 10: with the lighter test tiers of session 12, at 10 the type check and lint were starved until the tests
  // ended and finished 6-20 s after them (4 runs, 161-191 s); at 5, 7-9 s after (5 runs, 168-194 s).
  const npm = ['npm', 'run', '--silent', name];
  const niced = withTests && process.platform !== 'win32';
  return run(name, niced ? 'nice' : npm[0]!, niced ? ['-n', '5', ...npm] : npm.slice(1), { quiet: true }).then(
    (result) => {
      if (result.code === 0) console.log(`check ${name}: passed (${seconds(result.ms)})`);
      else
        console.log(
          `\ncheck ${name}: FAILED, exit ${result.code} (${seconds(result.ms)})\n${result.output.trimEnd()}\n`,
        );
      return result;
    },
  );
}

function testFiles(): string[] {
  return TIERS.flatMap((tier) =>
    readdirSync(tier, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => `${tier}/${f.split(path.sep).join('/')}`)
      .sort(),
  );
}

function durationsIn(file: string): Record<string, number> {
  try {
    return z.record(z.string(), z.number().nonnegative()).parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return {}; // none kept yet, or unreadable: the snapshot or the estimates serve
  }
}
const lastDurations = () => durationsIn(CACHE);

/** Longest first, each to the shard with the least so far: within 4/3 of the best split. */
function balance(files: string[], shards: number): string[][] {
  const last = { ...durationsIn(SNAPSHOT), ...lastDurations() };
  const weight = (f: string) =>
    last[f] !== undefined ? last[f] / 1000 : ESTIMATE[TIERS.find((t) => f.startsWith(t))!]!;
  const bins = Array.from({ length: shards }, () => ({ files: [] as string[], total: 0 }));
  for (const f of [...files].sort((a, b) => weight(b) - weight(a))) {
    const bin = bins.reduce((least, b) => (b.total < least.total ? b : least));
    bin.files.push(f);
    bin.total += weight(f);
  }
  // Each shard runs its files in the usual order (unit, then contract, then integration).
  return bins.map((b) => b.files.sort((x, y) => files.indexOf(x) - files.indexOf(y))).filter((b) => b.length);
}

/** Progress characters from every shard on one line, wrapped. */
let column = 0;
function progress(chars: string): void {
  for (const c of chars) {
    if (c === '\n') continue;
    if (column++ % 100 === 0) process.stdout.write('\n  ');
    process.stdout.write(c);
  }
}

function shard(index: number, files: string[], total: number): Promise<{ result: Result; report?: ShardReport }> {
  const started = Date.now();
  const args = [mochaBin, '--no-config', '--import=tsx', '--extension', 'ts', '--timeout', '20000', '--exit'];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...args, '--reporter', reporter, ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let live = '';
    let after = '';
    let ended = false;
    child.stdout.on('data', (d: Buffer) => {
      if (ended) return void (after += d.toString());
      live += d.toString();
      const at = live.indexOf(MARKER);
      if (at === -1) {
        progress(live);
        live = '';
      } else {
        progress(live.slice(0, at));
        after = live.slice(at + MARKER.length);
        ended = true;
      }
    });
    // Tests' own stderr (a warning, a crashed child's output) is kept and shown if the shard fails.
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const finish = (code: number) => {
      const ms = Date.now() - started;
      const json = after.lastIndexOf(MARKER);
      let report: ShardReport | undefined;
      try {
        report = json === -1 ? undefined : (JSON.parse(after.slice(json + MARKER.length)) as ShardReport);
      } catch {
        report = undefined;
      }
      const listing = (json === -1 ? after : after.slice(0, json)).trim();
      const name = `tests ${index + 1}/${total}`;
      resolve({
        result: { name, code, ms, output: [listing, code !== 0 ? stderr.trim() : ''].filter(Boolean).join('\n') },
        report,
      });
    };
    child.on('error', (error) => ((stderr += String(error)), finish(127)));
    child.on('close', (code, signal) => finish(code ?? (signal ? 128 : 1)));
  });
}

async function tests(): Promise<Result[]> {
  const shards = z.coerce
    .number()
    .int()
    .min(1)
    .max(8)
    .default(4)
    .safeParse(process.env.TEST_SHARDS || undefined);
  if (!shards.success) {
    console.log(`TEST_SHARDS must be a whole number from 1 to 8 (it is "${process.env.TEST_SHARDS}").`);
    return [{ name: 'tests', code: 2, ms: 0, output: '' }];
  }
  const files = testFiles();
  const plan = balance(files, shards.data);
  const started = Date.now();
  console.log(`${files.length} test files in ${plan.length} shards ('.' passed, '!' failed, ',' pending):`);
  const done = await Promise.all(plan.map((f, i) => shard(i, f, plan.length)));
  process.stdout.write('\n\n');

  // Only files that still exist: a deleted or moved file's time would otherwise stay in the cache for ever.
  const kept = Object.fromEntries(Object.entries(lastDurations()).filter(([file]) => files.includes(file)));
  let passes = 0;
  let failures = 0;
  let pending = 0;
  for (const { result, report } of done) {
    if (report) {
      passes += report.passes;
      failures += report.failures;
      pending += report.pending;
      for (const [file, ms] of Object.entries(report.durations))
        kept[path.relative('.', file).split(path.sep).join('/')] = ms;
    }
    if (result.code !== 0 || !report) {
      console.log(`${result.name}: FAILED, exit ${result.code} (${seconds(result.ms)})`);
      if (result.output) console.log(`${result.output}\n`);
    }
  }
  mkdirSync(path.dirname(CACHE), { recursive: true });
  writeFileSync(CACHE, JSON.stringify(kept, null, 1));
  const count = (n: number, what: string) => `${n.toLocaleString('en-GB')} ${what}`;
  console.log(
    `${count(passes, 'passing')}, ${count(failures, 'failing')}, ${count(pending, 'pending')} ` +
      `(${plan.map((p) => p.length).join(' + ')} files, ${seconds(Date.now() - started)})`,
  );
  return done.map((d) => d.result);
}

const args = process.argv.slice(2);
const checksOnly = args[0] === '--checks';
const started = Date.now();
const results = await Promise.all([
  ...CHECKS.map((name) => check(name, !checksOnly)),
  ...(checksOnly
    ? []
    : args.length
      ? [run('tests', process.execPath, [mochaBin, ...args], { quiet: false })]
      : [tests()]),
]).then((r) => r.flat());
const failed = results
  .filter((r) => r.code !== 0)
  .map((r) => (r.name.startsWith('tests') ? r.name : `check ${r.name}`));
const took = `${Math.floor((Date.now() - started) / 60000)} m ${Math.round(((Date.now() - started) % 60000) / 1000)} s`;
if (failed.length) console.log(`\nFailed: ${failed.join(', ')} (${took})`);
else if (!checksOnly) console.log(`\nAll ${CHECKS.length} checks and the tests passed (${took}).`);
process.exit(failed.length ? 1 : 0);
