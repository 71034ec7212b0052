import { expect } from 'chai';
import { ConfigError, loadConfig, redactedSummary } from '../../../src/config/config.js';
import { fromRoot } from '../../../src/config/projectPaths.js';

const KEY = 'send_outcomes-26785a09-ab16-4eb0-8407-a37497a57506-3d844edf-8d35-48ac-975b-e847b4f122b0';
const notify = {
  NOTIFY_API_KEY: KEY,
  NOTIFY_TEMPLATE_INVITE_SMS: 'f33517ff-2a88-4f6e-b855-c550268ce08a',
  NOTIFY_TEMPLATE_INVITE_EMAIL: '0b2b7b1e-4f0e-4b6a-9c6e-8a2d3c1f5e70',
  CONTACT_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
};
const deployed = {
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'x',
  MicrosoftAppTenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  FAMILY_HELP_TEXT: 'If anyone is in danger now call 999; the council front door is 01234 567890.',
  PUBLIC_BASE_URL: 'https://outcomes.example.org',
  DIRECT_LINE_SECRET: 'direct-line-secret',
  LEGAL_TEXT_FILE: fromRoot('test', 'support', 'legal.northshire.json'),
};

function refused(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return '';
}

describe('GOV.UK Notify settings fail closed', () => {
  it('send nothing without a key, and take the whole set with one', () => {
    expect(loadConfig({}).notify).to.equal(undefined);
    const config = loadConfig(notify);
    expect(config.notify?.templates.inviteSms).to.equal(notify.NOTIFY_TEMPLATE_INVITE_SMS);
    expect(config.notify?.contactKey).to.have.length(32);
    expect(loadConfig({ ...deployed, ...notify }).notify?.apiKey).to.equal(KEY);
  });

  const halfSet: [string, Record<string, string>, RegExp][] = [
    [
      'a key without templates',
      { NOTIFY_API_KEY: KEY, CONTACT_ENCRYPTION_KEY: notify.CONTACT_ENCRYPTION_KEY },
      /NOTIFY_TEMPLATE_INVITE_SMS: is required when NOTIFY_API_KEY is set/,
    ],
    [
      'a key without the contact key',
      { ...notify, CONTACT_ENCRYPTION_KEY: '' },
      /CONTACT_ENCRYPTION_KEY: is required when NOTIFY_API_KEY is set/,
    ],
    [
      'templates without a key',
      { ...notify, NOTIFY_API_KEY: '' },
      /NOTIFY_TEMPLATE_INVITE_SMS: is set but NOTIFY_API_KEY is not/,
    ],
    [
      'a malformed key',
      { ...notify, NOTIFY_API_KEY: 'not-a-notify-key' },
      /NOTIFY_API_KEY: must be a GOV.UK Notify API key/,
    ],
    [
      'a template id that is not a GUID',
      { ...notify, NOTIFY_TEMPLATE_INVITE_EMAIL: 'invite' },
      /NOTIFY_TEMPLATE_INVITE_EMAIL: must be a Notify template id/,
    ],
    [
      'a contact key that is not 32 bytes',
      { ...notify, CONTACT_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') },
      /CONTACT_ENCRYPTION_KEY: must be 32 random bytes/,
    ],
    [
      'a plain-http base URL on a deployed bot',
      { ...deployed, ...notify, NOTIFY_BASE_URL: 'http://notify.example.org' },
      /NOTIFY_BASE_URL: must be https for a deployed bot/,
    ],
  ];
  for (const [what, env, message] of halfSet)
    it(`refuse to start with ${what}, naming the setting`, () => expect(refused(env)).to.match(message));

  it('never repeat the key in a refusal or the start-up summary', () => {
    expect(refused({ ...notify, NOTIFY_TEMPLATE_INVITE_SMS: '' })).to.not.include('3d844edf');
    const summary = JSON.stringify(redactedSummary(loadConfig(notify), notify));
    expect(summary).to.not.include('3d844edf');
    expect(summary).to.not.include(notify.CONTACT_ENCRYPTION_KEY);
    expect(summary).to.include('"apiKey":"[set]"');
  });

  it('allow a plain-http base URL locally (a test fake on loopback)', () => {
    expect(loadConfig({ ...notify, NOTIFY_BASE_URL: 'http://127.0.0.1:4010/' }).notify?.baseUrl).to.equal(
      'http://127.0.0.1:4010',
    );
  });
});
