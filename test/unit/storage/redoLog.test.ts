import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
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

  it('neither rotates nor removes anything once its Azurite has gone (another process must recover from those files)', async () => {
    // A second bot attached to the first one's Azurite outlives it: its rotation must not delete the
    // crashed Azurite's unsaved writes, nor start new files that would move the replay window past them.
    for (const alive of [true, false]) {
      const dir = mkdtempSync(path.join(tmpdir(), 'redo-'));
      const crashed = path.join(dir, `redo-1-${Date.now() - 60_000}-0000.log`);
      writeFileSync(crashed, '{"at":1,"table":"t","op":"delete","partitionKey":"p","rowKey":"r"}\n');
      utimesSync(crashed, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      const log = new RedoLog(dir, { rotateMs: 50, keepMs: 100 }, () => alive);
      await new Promise((r) => setTimeout(r, 400));
      const files = readdirSync(dir);
      await log.close();
      if (alive) expect(files, 'while its Azurite lives it rotates and removes').to.not.include(path.basename(crashed));
      else expect(files.sort(), 'its Azurite gone').to.have.length(2).and.to.include(path.basename(crashed));
    }
  });
});
