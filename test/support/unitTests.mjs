// `npm run test:unit`: mocha over test/unit in parallel (2 workers), the files that took longest last time given
// out first. Mocha hands files to its workers in the order listed; in name order the longest could come last and
// leave one worker running it alone while the other waits. How long each file took is what `npm test` keeps
// (node_modules/.cache/send-bot-tests/durations.json); a file not timed yet counts as short. Any argument is
// passed on to mocha (e.g. --reporter dot).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const files = readdirSync('test/unit', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => `test/unit/${f.split(path.sep).join('/')}`)
  .sort();
let took = {};
try {
  took = JSON.parse(readFileSync('node_modules/.cache/send-bot-tests/durations.json', 'utf8'));
} catch {
  // not timed yet: name order
}
const ms = (f) => (typeof took[f] === 'number' ? took[f] : 0);
const ordered = [...files].sort((a, b) => ms(b) - ms(a));

const args = ['--no-config', '--import=tsx', '--extension', 'ts', '--timeout', '10000', '--parallel', '--jobs', '2'];
const child = spawn(
  process.execPath,
  [require.resolve('mocha/bin/mocha.js'), ...args, ...process.argv.slice(2), ...ordered],
  {
    stdio: 'inherit',
  },
);
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
