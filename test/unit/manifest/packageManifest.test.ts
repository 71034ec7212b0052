import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { ConfigError, loadPackageSettings } from '../../../src/config/config.js';
import { fromRoot } from '../../../src/config/projectPaths.js';

const APP = '11111111-2222-3333-4444-555555555555';
const TEAMS_APP = '99999999-2222-3333-4444-555555555555';
const run = promisify(execFile);

function refused(env: Record<string, string>): string {
  try {
    loadPackageSettings(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

/** `npm run package` needs only what goes into the package: the ids and the public address. */
describe('npm run package', function () {
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
    const result = await run(process.execPath, ['--import', 'tsx', 'src/cli/packageManifest.ts', out], {
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

  it('reads only the package settings, and still refuses odd ones, naming them', () => {
    expect(
      loadPackageSettings({ MicrosoftAppId: APP, PUBLIC_BASE_URL: 'https://outcomes.example.org/' }),
    ).to.deep.equal({ appId: APP, teamsAppId: APP, publicBaseUrl: 'https://outcomes.example.org' });
    expect(refused({ MicrosoftAppId: 'my-bot', PUBLIC_BASE_URL: 'https://outcomes.example.org' })).to.match(
      /MicrosoftAppId: must be a GUID/,
    );
    expect(refused({ MicrosoftAppId: APP, TEAMS_APP_ID: 'x', PUBLIC_BASE_URL: 'https://o.example.org' })).to.match(
      /TEAMS_APP_ID: must be a GUID/,
    );
    // A real package's links (privacy, terms, the family page) must be the bot's https address, never localhost.
    expect(refused({ MicrosoftAppId: APP })).to.match(/PUBLIC_BASE_URL: is required/);
    expect(refused({ MicrosoftAppId: APP, PUBLIC_BASE_URL: 'http://outcomes.example.org' })).to.match(
      /PUBLIC_BASE_URL: must be https/,
    );
  });

  it('makes a local package with placeholder ids when no app id is set', () => {
    expect(loadPackageSettings({ PORT: '4000' })).to.deep.equal({
      appId: undefined,
      teamsAppId: undefined,
      publicBaseUrl: 'http://localhost:4000',
    });
  });
});
