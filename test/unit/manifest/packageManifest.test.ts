import { expect } from 'chai';
import { ConfigError, loadPackageSettings } from '../../../src/config/config.js';

const APP = '11111111-2222-3333-4444-555555555555';

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
describe('npm run package: its settings', () => {
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
