import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { fromRoot } from '../../src/config/projectPaths.js';

/** npm run roles against the embedded, on-disk store: what one run writes, the next run reads. */
describe('npm run roles (embedded storage on disk)', function () {
  this.timeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'roles-cli-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  // What `npm run roles` runs (tsx src/cli/roles.ts), as node with tsx's loader: no npx and no second process.
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/roles.ts', ...args], {
      cwd: fromRoot(),
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    });

  it('adds, lists and removes roles, keeping them between runs', () => {
    expect(run('add', '11111111-2222-3333-4444-555555555555', 'practitioner', 'manager').status).to.equal(0);
    const listed = run('list');
    expect(listed.stdout).to.include('11111111-2222-3333-4444-555555555555\tmanager, practitioner');
    expect(run('remove', '11111111-2222-3333-4444-555555555555', 'manager').stdout).to.include(': practitioner');
    expect(run('list').stdout).to.include('\tpractitioner');
  });

  it('refuses an unknown role, naming the valid ones, and exits non-zero', () => {
    const r = run('add', 'someone', 'wizard');
    expect(r.status).to.equal(2);
    expect(r.stderr).to.include('Unknown role(s): wizard. Roles are: practitioner, manager, admin.');
  });
});
