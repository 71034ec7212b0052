import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { main as roles } from '../../src/cli/roles.js';
import { startOrAttachAzurite } from '../../src/storage/sharedAzurite.js';
import { runInProcess, spawnCli } from '../support/cliRun.js';

const USER = '11111111-2222-3333-4444-555555555555';

/**
 * npm run roles against the embedded, on-disk store: what one run writes, the next run reads. Most runs are the
 * command's main in this process, attached to the store as a command is to a running bot's (starting Azurite
 * costs more than the command); then the store is stopped, which saves it, and the command's own process starts
 * it again from DATA_DIR and reads what they wrote. One refusal is its own process too (its exit code and stderr).
 */
describe('npm run roles (embedded storage on disk)', function () {
  this.timeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roles-cli-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  const store = { DATA_DIR: dataDir };
  const run = (...args: string[]) => runInProcess(roles, args, store);

  it('adds, lists and removes roles, keeping them between runs', async () => {
    const running = await startOrAttachAzurite(dataDir);
    try {
      expect(running.attached, 'a store of its own').to.equal(false);
      expect((await run('add', USER, 'practitioner', 'manager')).code).to.equal(0);
      const listed = await run('list');
      expect(listed.code).to.equal(0);
      expect(listed.stdout).to.include(`${USER}\tmanager, practitioner`);
      expect((await run('remove', USER, 'manager')).stdout).to.include(': practitioner');
    } finally {
      expect(await running.stop(), 'the store was saved').to.equal('saved');
    }
    // Its own process: no Azurite runs now, so it starts one from what was saved to disk.
    const own = await spawnCli('roles', ['list'], store);
    expect(own.code, own.stderr).to.equal(0);
    expect(own.stdout).to.include(`${USER}\tpractitioner`);
    expect(own.stdout).not.to.include('manager');
  });

  it('refuses an unknown role, naming the valid ones, and exits non-zero', async () => {
    const message = 'Unknown role(s): wizard. Roles are: practitioner, manager, admin.';
    const r = await run('add', 'someone', 'wizard');
    expect(r.code).to.equal(2);
    expect(r.stderr).to.include(message);
    const own = await spawnCli('roles', ['add', 'someone', 'wizard'], store);
    expect(own.code).to.equal(2);
    expect(own.stderr).to.include(message);
    expect(own.stdout).to.equal('');
  });
});
