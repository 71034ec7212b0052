import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { fromRoot } from '../../src/config/projectPaths.js';
import { compiledEntry } from '../support/compiledBot.js';

const APP = '11111111-2222-3333-4444-555555555555';
const TEAMS_APP = '99999999-2222-3333-4444-555555555555';
const run = promisify(execFile);

/** `npm run package` as a person runs it: its own process, its settings alone (the settings' rules are unit tests). */
describe('npm run package (the command, as a process)', function () {
  this.timeout(60_000);

  it('builds the package from the app id, Teams app id and public address alone', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'send-package-')), 'app.zip');
    // Nothing else from this process's environment: the bot's own settings (FAMILY_HELP_TEXT, secrets) are absent.
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      MicrosoftAppId: APP,
      TEAMS_APP_ID: TEAMS_APP,
      PUBLIC_BASE_URL: 'https://outcomes.example.org',
    };
    // The command's own code compiled (compiledBot.ts: what `npm run package` runs through tsx, at half the CPU).
    const result = await run(process.execPath, [compiledEntry('cli/packageManifest'), out], {
      cwd: fromRoot(),
      env,
    }).catch((error: { code: number; stderr: string; stdout: string }) => error);
    expect(result.stderr, result.stdout).to.equal('');
    const { stdout: listing } = await run('unzip', ['-l', out]);
    for (const file of ['manifest.json', 'color.png', 'outline.png']) expect(listing).to.include(file);
    const manifest = JSON.parse((await run('unzip', ['-p', out, 'manifest.json'])).stdout) as {
      id: string;
      bots: { botId: string }[];
      developer: { privacyUrl: string; termsOfUseUrl: string };
    };
    expect(manifest.id).to.equal(TEAMS_APP);
    expect(manifest.bots[0].botId).to.equal(APP);
    expect(manifest.developer.privacyUrl).to.equal('https://outcomes.example.org/privacy');
    expect(manifest.developer.termsOfUseUrl).to.equal('https://outcomes.example.org/terms');
  });
});
