import { expect } from 'chai';
import { ConfigError, loadConfig } from '../../../src/config/config.js';

const APP = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const OTHER = 'bbbbbbbb-bbbb-cccc-dddd-eeeeeeeeeeee';
const singleTenant = {
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppId: APP,
  MicrosoftAppPassword: 'x',
  MicrosoftAppTenantId: TENANT,
  FAMILY_HELP_TEXT: 'If anyone is in danger now call 999; the council front door is 01234 567890.',
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
  it('refuses MultiTenant without ALLOWED_TENANTS, naming the setting', () => {
    expect(
      refused({
        MicrosoftAppType: 'MultiTenant',
        MicrosoftAppId: APP,
        MicrosoftAppPassword: 'x',
        FAMILY_HELP_TEXT: singleTenant.FAMILY_HELP_TEXT,
      }),
    ).to.match(/ALLOWED_TENANTS: is required for a MultiTenant bot/);
    expect(
      loadConfig({
        MicrosoftAppType: 'MultiTenant',
        MicrosoftAppId: APP,
        MicrosoftAppPassword: 'x',
        ALLOWED_TENANTS: TENANT,
        FAMILY_HELP_TEXT: singleTenant.FAMILY_HELP_TEXT,
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
});
