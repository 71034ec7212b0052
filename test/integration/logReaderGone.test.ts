import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { expect } from 'chai';
import { compiledEntry } from '../support/compiledBot.js';
import { waitUntil } from '../support/botProcess.js';

/**
 * A bot whose log reader has gone (a collector restarted, the pipe closed by whatever started it) must still
 * exit when it stops. Found as a bot process left running after a test: told to stop, it logged its last line
 * and called process.exit, and the logger's flush at exit wrote that line to the closed pipe again and again
 * for ever (a line still queued behind one being written is written at exit, and that write retries every
 * error). Here the last two lines are logged and the process exits in the same moment, after the pipe has
 * closed, through the bot's own logger (compiled as the bot runs it).
 */
describe("the bot's log with nobody reading it (real process)", function () {
  this.timeout(30_000);

  it('exits at once when its last line cannot be written', async () => {
    const logger = pathToFileURL(compiledEntry('config/logger')).href;
    const script = `
      const { createLogger } = await import(${JSON.stringify(logger)});
      const log = createLogger('info');
      log.info('ready');
      process.stdin.once('data', () => {
        log.info({ how: 'drained' }, 'requests in flight answered');
        log.info({ result: 'saved' }, 'Azurite saved and stopped');
        process.exit(0);
      });
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    try {
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      await waitUntil(
        () => out.includes('ready'),
        15_000,
        () => out,
      );
      child.stdout.destroy(); // nobody reads the log any more
      child.stdin.write('stop\n');
      const exited = () => child.exitCode !== null || child.signalCode !== null;
      await waitUntil(exited, 5_000).catch(() => undefined);
      expect(exited(), 'exited within 5 s of its last line').to.equal(true);
      expect(child.exitCode).to.equal(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
