import { expect } from 'chai';
import { ConfigError, loadConfig, redactedSummary } from '../../../src/config/config.js';
import { fromRoot } from '../../../src/config/projectPaths.js';

const APP = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const OTHER = 'bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee';
const singleTenant = {
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppId: APP,
  MicrosoftAppPassword: 'x',
  MicrosoftAppTenantId: TENANT,
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

/** Settings a production deployment depends on: a missing or odd one refuses to start, never opens up. */
describe('configuration fails closed', () => {
  it('refuses a deployed bot whose privacy notice still names the example organisation and contact', () => {
    const { LEGAL_TEXT_FILE: _own, ...withoutOwnWords } = singleTenant;
    void _own;
    expect(refused(withoutOwnWords)).to.match(/LEGAL_TEXT_FILE: .*example organisation/);
    expect(refused(singleTenant)).to.equal('');
    // Locally the example is fine: it is what a newcomer sees.
    expect(refused({})).to.equal('');
  });

  it('refuses a Key Vault reference App Service could not resolve (the reference text itself), naming the setting', () => {
    const unresolved = '@Microsoft.KeyVault(VaultName=kv-outcomes;SecretName=direct-line-secret)';
    expect(refused({ ...singleTenant, DIRECT_LINE_SECRET: unresolved })).to.match(
      /DIRECT_LINE_SECRET: is a Key Vault reference App Service could not resolve/,
    );
    expect(refused({ ...singleTenant, DIGEST_TRIGGER_SECRET: ` ${unresolved}` })).to.match(/DIGEST_TRIGGER_SECRET:/);
  });

  it('refuses MultiTenant without ALLOWED_TENANTS, naming the setting', () => {
    expect(
      refused({
        ...singleTenant,
        MicrosoftAppType: 'MultiTenant',
        MicrosoftAppTenantId: '',
      }),
    ).to.match(/ALLOWED_TENANTS: is required for a MultiTenant bot/);
    expect(
      loadConfig({
        ...singleTenant,
        MicrosoftAppType: 'MultiTenant',
        MicrosoftAppTenantId: '',
        ALLOWED_TENANTS: TENANT,
      }).allowedTenants,
    ).to.deep.equal([TENANT]);
  });

  it("refuses a deployed bot that does not say what families should do if they need help now (each area's contacts)", () => {
    const { FAMILY_HELP_TEXT: _, ...without } = singleTenant;
    expect(refused(without)).to.match(/FAMILY_HELP_TEXT: is required for a deployed bot/);
    expect(refused({ ...singleTenant, FAMILY_HELP_TEXT: 'call us' })).to.match(/FAMILY_HELP_TEXT: must be 20 to 600/);
    expect(loadConfig(singleTenant).familyHelpText).to.include('01234 567890');
    expect(loadConfig({}).familyHelpText).to.match(/999.*Childline/);
  });

  it('refuses a bot type without an app id, and UserAssignedMSI without a tenant', () => {
    expect(refused({ MicrosoftAppType: 'SingleTenant' })).to.match(/MicrosoftAppId: is required/);
    expect(refused({ MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: APP })).to.match(
      /MicrosoftAppTenantId: is required for a UserAssignedMSI bot/,
    );
  });

  it('limits an authenticated bot to its own tenant unless ALLOWED_TENANTS names others', () => {
    expect(loadConfig(singleTenant).allowedTenants).to.deep.equal([TENANT]);
    expect(loadConfig({ ...singleTenant, ALLOWED_TENANTS: `${TENANT},${OTHER}` }).allowedTenants).to.deep.equal([
      TENANT,
      OTHER,
    ]);
  });

  it('loads demo data only locally, unauthenticated, on the embedded store', () => {
    expect(loadConfig({}).loadDemoData).to.equal(true);
    expect(loadConfig(singleTenant).loadDemoData, 'with credentials').to.equal(false);
    expect(
      loadConfig({ STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=prod;AccountKey=abc;' })
        .loadDemoData,
      'on a real account',
    ).to.equal(false);
    expect(loadConfig({ DEMO_DATA: 'false' }).loadDemoData).to.equal(false);
  });

  it('listens on loopback only when unauthenticated, and drops DEV_ROLES when authenticated', () => {
    expect(loadConfig({ DEV_ROLES: 'admin' })).to.deep.include({ listenHost: '127.0.0.1', devRoles: ['admin'] });
    expect(loadConfig({ ...singleTenant, DEV_ROLES: 'admin' })).to.deep.include({
      listenHost: '0.0.0.0',
      devRoles: [],
    });
  });

  it('reads the trusted proxy hops, and refuses a nonsense value', () => {
    expect(loadConfig({}).trustedProxyHops).to.equal(0);
    expect(loadConfig({ TRUSTED_PROXY_HOPS: '1' }).trustedProxyHops).to.equal(1);
    expect(refused({ TRUSTED_PROXY_HOPS: 'yes' })).to.match(/TRUSTED_PROXY_HOPS/);
  });

  it('refuses an authenticated bot without an https PUBLIC_BASE_URL (family links would point at localhost)', () => {
    const { PUBLIC_BASE_URL: _, ...without } = singleTenant;
    expect(refused(without)).to.match(/PUBLIC_BASE_URL: is required for a deployed bot.*https:\/\//);
    expect(refused({ ...singleTenant, PUBLIC_BASE_URL: 'http://outcomes.example.org' })).to.match(
      /PUBLIC_BASE_URL: must be https for a deployed bot/,
    );
    // A malformed address is refused as a setting, never a crash at start-up.
    for (const odd of ['not a url', 'https://', 'ftp://outcomes.example.org']) {
      expect(refused({ ...singleTenant, PUBLIC_BASE_URL: odd }), odd).to.match(/PUBLIC_BASE_URL: must be/);
    }
    expect(loadConfig(singleTenant).publicBaseUrl).to.equal('https://outcomes.example.org');
    // Locally, plain http and the localhost default are what a newcomer needs.
    expect(loadConfig({}).publicBaseUrl).to.equal('http://localhost:3978');
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://127.0.0.1:3978' }).publicBaseUrl).to.equal('http://127.0.0.1:3978');
  });

  it('refuses an authenticated bot without DIRECT_LINE_SECRET while the family page is on, and says how to switch it off', () => {
    const { DIRECT_LINE_SECRET: _, ...without } = singleTenant;
    expect(refused(without)).to.match(/DIRECT_LINE_SECRET: is required for a deployed bot.*FAMILY_PAGE=off/);
    expect(refused({ ...without, FAMILY_PAGE: 'on' })).to.match(/DIRECT_LINE_SECRET: is required/);
    expect(loadConfig({ ...without, FAMILY_PAGE: 'off' }).familyPage).to.equal(false);
    expect(loadConfig(singleTenant).familyPage).to.equal(true);
  });

  it('reads FAMILY_PAGE strictly: on or off, anything else refuses to start naming the setting and its values', () => {
    expect(loadConfig({}).familyPage).to.equal(true);
    expect(loadConfig({ FAMILY_PAGE: '' }).familyPage).to.equal(true);
    expect(loadConfig({ FAMILY_PAGE: 'on' }).familyPage).to.equal(true);
    expect(loadConfig({ FAMILY_PAGE: 'off' }).familyPage).to.equal(false);
    for (const odd of ['no', '0', 'false ', 'false', 'OFF', ' off', 'disabled']) {
      expect(refused({ FAMILY_PAGE: odd }), JSON.stringify(odd)).to.match(/FAMILY_PAGE: must be on or off/);
    }
  });

  it('refuses credentials set without MicrosoftAppId (it would start unauthenticated), naming each one', () => {
    for (const [name, value] of [
      ['MicrosoftAppPassword', 'x'],
      ['MicrosoftAppTenantId', TENANT],
      ['ALLOWED_TENANTS', TENANT],
      ['DIRECT_LINE_SECRET', 'direct-line-secret'],
    ] as const) {
      const message = refused({ [name]: value });
      expect(message, name).to.match(new RegExp(`${name}: is set but MicrosoftAppId is not`));
      expect(message, name).to.match(/set MicrosoftAppId.*or remove/);
    }
    expect(refused({ MicrosoftAppPassword: 'x', MicrosoftAppTenantId: TENANT }))
      .to.match(/MicrosoftAppPassword: is set/)
      .and.to.match(/MicrosoftAppTenantId: is set/);
  });

  it('refuses a password on a UserAssignedMSI bot (it signs in with its managed identity)', () => {
    const msi = { ...singleTenant, MicrosoftAppType: 'UserAssignedMSI' };
    expect(refused(msi)).to.match(/MicrosoftAppPassword: must not be set for a UserAssignedMSI bot/);
    const { MicrosoftAppPassword: _, ...withoutPassword } = msi;
    expect(loadConfig(withoutPassword).bot.appType).to.equal('UserAssignedMSI');
  });

  it('keeps tenant ids in lower case, however they were written', () => {
    const upper = loadConfig({ ...singleTenant, MicrosoftAppTenantId: TENANT.toUpperCase() });
    expect(upper.bot.tenantId).to.equal(TENANT);
    expect(upper.allowedTenants).to.deep.equal([TENANT]);
    expect(
      loadConfig({ ...singleTenant, ALLOWED_TENANTS: `${TENANT.toUpperCase()}, ${OTHER.toUpperCase()}` })
        .allowedTenants,
    ).to.deep.equal([TENANT, OTHER]);
  });

  it('shows in the start-up summary whether the family page is served', () => {
    expect(redactedSummary(loadConfig({}), {}).familyPage).to.equal('on');
    expect(redactedSummary(loadConfig({ FAMILY_PAGE: 'off' }), {}).familyPage).to.equal(
      'off: families answer in Teams with their code',
    );
  });
});

/** Storage reached with a managed identity (no shared key), as councils' Azure policies often require. */
describe('storage settings', () => {
  const IDENTITY = 'cccccccc-1111-2222-3333-444444444444';
  const ACCOUNT_URL = 'https://councilsend.table.core.windows.net';
  const KEYED = 'DefaultEndpointsProtocol=https;AccountName=councilsend;AccountKey=c2VjcmV0LWtleQ==;';
  const msi = { ...singleTenant, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppPassword: '' };

  it('reaches STORAGE_ACCOUNT_URL with a managed identity, AZURE_CLIENT_ID its client id', () => {
    expect(loadConfig({ STORAGE_ACCOUNT_URL: `${ACCOUNT_URL}/`, AZURE_CLIENT_ID: IDENTITY }).storage).to.deep.equal({
      kind: 'accountUrl',
      accountUrl: ACCOUNT_URL,
      managedIdentityClientId: IDENTITY,
    });
    expect(loadConfig({ STORAGE_ACCOUNT_URL: ACCOUNT_URL }).storage).to.deep.equal({
      kind: 'accountUrl',
      accountUrl: ACCOUNT_URL,
      managedIdentityClientId: undefined,
    });
  });

  it("uses a UserAssignedMSI bot's own identity for storage unless AZURE_CLIENT_ID names another", () => {
    expect(loadConfig({ ...msi, STORAGE_ACCOUNT_URL: ACCOUNT_URL }).storage).to.include({
      managedIdentityClientId: APP,
    });
    expect(loadConfig({ ...msi, STORAGE_ACCOUNT_URL: ACCOUNT_URL, AZURE_CLIENT_ID: IDENTITY }).storage).to.include({
      managedIdentityClientId: IDENTITY,
    });
  });

  it('refuses both a connection string and an account URL, naming both', () => {
    const message = refused({ STORAGE_CONNECTION_STRING: KEYED, STORAGE_ACCOUNT_URL: ACCOUNT_URL });
    expect(message).to.match(/STORAGE_ACCOUNT_URL: .*STORAGE_CONNECTION_STRING/);
    expect(message).not.to.include('c2VjcmV0');
  });

  // The Tables SDK will not send a bearer token over plain http, so such a URL could never work.
  for (const [url, reason] of [
    ['http://councilsend.table.core.windows.net', /must be https/],
    ['http://127.0.0.1:10002/devstoreaccount1', /must be https/],
    ['https://councilsend.table.core.windows.net/?sv=2024&sig=abc', /must be the bare Table endpoint, without a query/],
    [
      'https://user:pw@councilsend.table.core.windows.net',
      /must be the bare Table endpoint, without a user name or password/,
    ],
    ['councilsend', /must be the Table endpoint/],
  ] as const) {
    it(`refuses STORAGE_ACCOUNT_URL=${url}`, () => {
      expect(refused({ STORAGE_ACCOUNT_URL: url })).to.match(new RegExp(`STORAGE_ACCOUNT_URL: ${reason.source}`));
    });
  }

  it('refuses an AZURE_CLIENT_ID that is not a GUID, or that nothing would use', () => {
    expect(refused({ STORAGE_ACCOUNT_URL: ACCOUNT_URL, AZURE_CLIENT_ID: 'my-identity' })).to.match(
      /AZURE_CLIENT_ID: must be a GUID/,
    );
    expect(refused({ AZURE_CLIENT_ID: IDENTITY })).to.match(/AZURE_CLIENT_ID: is set but/);
    expect(refused({ STORAGE_CONNECTION_STRING: KEYED, AZURE_CLIENT_ID: IDENTITY })).to.match(
      /AZURE_CLIENT_ID: is set but/,
    );
    expect(loadConfig({ ...msi, AZURE_CLIENT_ID: IDENTITY }).bot.appType).to.equal('UserAssignedMSI');
  });

  it('keeps the embedded store for an authenticated bot without storage settings, but never loads demo data', () => {
    const config = loadConfig(singleTenant);
    expect(config.storage.kind).to.equal('embedded');
    expect(config.loadDemoData).to.equal(false);
    expect(loadConfig({ STORAGE_ACCOUNT_URL: ACCOUNT_URL }).loadDemoData, 'on an account URL').to.equal(false);
  });

  it('shows the storage kind in the start-up summary, never a key', () => {
    const summaries = [
      redactedSummary(loadConfig({}), {}).storage,
      redactedSummary(loadConfig({ STORAGE_CONNECTION_STRING: KEYED }), {}).storage,
      redactedSummary(loadConfig({ STORAGE_ACCOUNT_URL: ACCOUNT_URL, AZURE_CLIENT_ID: IDENTITY }), {}).storage,
      redactedSummary(loadConfig({ STORAGE_ACCOUNT_URL: ACCOUNT_URL }), {}).storage,
    ];
    expect(summaries[0]).to.include({ kind: 'embedded Azurite' });
    expect(summaries[1]).to.deep.equal({ kind: 'connection string', account: 'councilsend' });
    expect(summaries[2]).to.deep.equal({
      kind: 'account URL + managed identity',
      accountUrl: ACCOUNT_URL,
      managedIdentityClientId: IDENTITY,
    });
    expect(summaries[3]).to.deep.include({ managedIdentityClientId: 'none: DefaultAzureCredential chooses' });
    expect(JSON.stringify(summaries)).not.to.match(/c2VjcmV0|AccountKey/);
  });
});
