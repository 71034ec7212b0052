import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { logTime, RedoLog } from '../../../src/storage/redoLog.js';

/** The embedded store's redo log: appends are on disk when they resolve, and the log does not grow forever. */
describe('redo log', function () {
  this.timeout(10_000);

  it('rotates and drops old files even while appends never stop', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'redo-'));
    const log = new RedoLog(dir, { rotateMs: 50, keepMs: 100 });
    const until = Date.now() + 1_000;
    let n = 0;
    // Always at least one append in flight: a flush is running the whole time.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (Date.now() < until)
          await log.append([{ at: logTime(), table: 't', op: 'delete', partitionKey: 'p', rowKey: String(n++) }]);
      }),
    );
    const files = readdirSync(dir);
    await log.close();
    expect(n, 'appends made').to.be.greaterThan(50);
    expect(files.length, `files kept: ${files.join(', ')}`).to.be.at.most(4);
    const lines = files.flatMap((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').filter(Boolean));
    expect(lines.length, 'the last files hold the latest entries').to.be.greaterThan(0);
    expect(lines.length).to.be.lessThan(n);
  });
});
