import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig, SETTING_NAMES } from '../../../src/config/config.js';
import { fromRoot } from '../../../src/config/projectPaths.js';

/**
 * Bicep cannot be compiled here (no Azure CLI, no network), so this reads infra/azure.bicep as text: the Web
 * App's app settings, each with its literal value where it has one. What Azure fills in at deployment (an
 * identity's client id, the table endpoint, a Key Vault reference) is replaced by a value of the same shape,
 * and the real loadConfig must then accept the whole environment as an authenticated bot.
 */

/** Settings App Service itself reads; the bot's config never sees them, so they are allowed beside its own. */
const PLATFORM_SETTINGS = [
  // Deployment is a package built beforehand (npm ci, npm run build, production dependencies only).
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'WEBSITE_RUN_FROM_PACKAGE',
  // Windows plans only; harmless on Linux, where linuxFxVersion picks Node.
  'WEBSITE_NODE_DEFAULT_VERSION',
];

/** Local demo and test switches: a deployed bot must never have them. */
const NEVER_DEPLOYED = ['DEV_ROLES', 'BOT_TODAY', 'BOT_NOW', 'DEMO_DATA'];

/** Values of the shape Azure would give at deployment, for settings whose value is an expression. */
const GUID = '0f3c2a9e-5b7d-4e61-9a0c-2d8b6f1e4a73';
const DEPLOYMENT_VALUES: Record<string, string> = {
  // The council's own copy of seeds/legal.json, deployed with the package (a deployed bot refuses the example).
  LEGAL_TEXT_FILE: fromRoot('test', 'support', 'legal.northshire.json'),
  MicrosoftAppId: GUID,
  MicrosoftAppTenantId: 'c4e1b2a0-7d3f-4a59-8e16-9b0f2c5d7e31',
  AZURE_CLIENT_ID: GUID,
  TEAMS_APP_ID: '5a8d0c3e-1f47-4b92-a6e5-3c9f7b2d0e18',
  ALLOWED_TENANTS: 'c4e1b2a0-7d3f-4a59-8e16-9b0f2c5d7e31',
  STORAGE_ACCOUNT_URL: 'https://stsendoutcomes.table.core.windows.net/',
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    'InstrumentationKey=6b1e0d2c-3a4f-4e5b-9c8d-7f6e5a4b3c2d;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/;LiveEndpoint=https://uksouth.livediagnostics.monitor.azure.com/',
  PUBLIC_BASE_URL: 'https://outcomes.example.gov.uk',
  DIRECT_LINE_ENDPOINT: 'https://europe.directline.botframework.com',
  NOTIFY_TEMPLATE_INVITE_SMS: '9b0e6c4d-2f1a-4c3b-8e7d-5a6f0b1c2d3e',
  NOTIFY_TEMPLATE_INVITE_EMAIL: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  FAMILY_HELP_TEXT:
    'If anyone is in danger now, call 999. For help today call the council children’s services front door on 01234 567890.',
};
const KEY_VAULT_VALUE = 'a-secret-read-from-key-vault-0123456789';
/** Secrets whose shape the configuration checks: Key Vault gives them in that shape. */
const KEY_VAULT_VALUES: Record<string, string> = {
  NOTIFY_API_KEY: `live-${GUID}-7d2c9e41-3b8a-4f5d-a6c0-1e9b8f2d4c73`,
  CONTACT_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
};

type Value =
  { kind: 'literal'; text: string } | { kind: 'keyVault'; text: string } | { kind: 'expression'; text: string };
type AppSetting = { name: string; value: Value };

const infraDir = fromRoot('infra');
const read = (file: string) => readFileSync(fromRoot(file), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** The text between an opening bracket at `start` and its matching close. */
function balanced(text: string, start: number, open: string, close: string): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === open) depth++;
    else if (text[i] === close && --depth === 0) return text.slice(start + 1, i);
  }
  throw new Error(`no closing ${close} after offset ${start}`);
}

function classify(raw: string): Value {
  const quoted = /^'(.*)'$/.exec(raw);
  if (!quoted) return { kind: 'expression', text: raw };
  const text = quoted[1]!;
  if (text.startsWith('@Microsoft.KeyVault(')) return { kind: 'keyVault', text };
  if (text.includes('${')) return { kind: 'expression', text };
  return { kind: 'literal', text };
}

/** siteConfig.appSettings of the Web App, written one `name:` line then one `value:` line per setting. */
function appSettingsOf(bicep: string): AppSetting[] {
  const blocks = [...bicep.matchAll(/appSettings:\s*\[/g)];
  expect(blocks, 'exactly one appSettings array in infra/azure.bicep').to.have.length(1);
  const block = balanced(bicep, blocks[0]!.index + blocks[0]![0].length - 1, '[', ']');
  const settings = [...block.matchAll(/name:\s*'([^']+)'\s*\n\s*value:\s*(.+?)\s*$/gm)].map((m) => ({
    name: m[1]!,
    value: classify(m[2]!),
  }));
  // A setting written another way would be skipped silently: every name must have been read.
  expect(settings.length, 'every app setting read (name line, then value line)').to.equal(
    [...block.matchAll(/\bname:/g)].length,
  );
  return settings;
}

/** Literal defaults of the template's parameters, e.g. `param familyPage string = 'on'`. */
function parameterDefaults(bicep: string): Map<string, string> {
  return new Map(
    [...bicep.matchAll(/^param\s+(\w+)\s+\w+\s*=\s*'([^'$]*)'\s*$/gm)].map((m) => [m[1]!, m[2]!] as const),
  );
}

/** The environment App Service would give the bot: literals as written, the rest as deployment would fill them. */
function environmentOf(settings: AppSetting[], defaults: Map<string, string>): Record<string, string> {
  return Object.fromEntries(
    settings.map(({ name, value }) => {
      if (value.kind === 'literal') return [name, value.text];
      if (value.kind === 'keyVault') return [name, KEY_VAULT_VALUES[name] ?? KEY_VAULT_VALUE];
      const fromParameter = defaults.get(value.text);
      if (fromParameter !== undefined) return [name, fromParameter];
      const filled = DEPLOYMENT_VALUES[name];
      if (filled === undefined) throw new Error(`${name}: no deployment value to stand in for ${value.text}`);
      return [name, filled];
    }),
  );
}

describe('infra/azure.bicep app settings against the configuration', () => {
  let bicep = '';
  let settings: AppSetting[] = [];
  const named = (name: string) => settings.find((s) => s.name === name);

  before(() => {
    bicep = read('infra/azure.bicep');
    settings = appSettingsOf(bicep);
  });

  it('give everything an authenticated bot requires: loadConfig accepts them, on Azure Tables with a managed identity', () => {
    const env = environmentOf(settings, parameterDefaults(bicep));
    const config = loadConfig(env);
    expect(config.bot.authenticated).to.equal(true);
    expect(config.bot.appType).to.equal('UserAssignedMSI');
    expect(config.storage.kind, 'not the embedded Azurite').to.not.equal('embedded');
    expect(config.loadDemoData).to.equal(false);
    expect(config.devRoles).to.deep.equal([]);
    expect(config.publicBaseUrl).to.match(/^https:\/\//);
    // Families are invited by text and email through GOV.UK Notify itself (no base URL), contacts sealed.
    expect(config.notify?.baseUrl).to.equal(undefined);
    expect(config.notify?.contactKey).to.have.length(32);
  });

  it('set nothing the configuration does not know, apart from App Service platform settings', () => {
    const known = new Set<string>([...SETTING_NAMES, ...PLATFORM_SETTINGS]);
    expect(settings.map((s) => s.name).filter((n) => !known.has(n))).to.deep.equal([]);
    expect(new Set(settings.map((s) => s.name)).size, 'no setting twice').to.equal(settings.length);
  });

  it('reach storage by STORAGE_ACCOUNT_URL and the identity, with no connection string or account key anywhere in infra', () => {
    expect(named('STORAGE_ACCOUNT_URL')?.value.kind).to.equal('expression');
    expect(named('AZURE_CLIENT_ID')?.value.kind).to.equal('expression');
    const files = [...filesUnder(infraDir), fromRoot('m365agents.yml')];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).to.not.match(/STORAGE_CONNECTION_STRING|AccountKey=|DefaultEndpointsProtocol=|\blistKeys\(/i);
    }
    expect(bicep).to.match(/allowSharedKeyAccess:\s*false/);
    expect(bicep).to.match(/minimumTlsVersion:\s*'TLS1_2'/);
    // Storage Table Data Contributor, built in.
    expect(bicep).to.include('0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3');
  });

  it('never set the local demo and test switches', () => {
    expect(settings.map((s) => s.name).filter((n) => NEVER_DEPLOYED.includes(n))).to.deep.equal([]);
  });

  it('take every secret from a Key Vault reference, never a literal', () => {
    for (const required of ['DIRECT_LINE_SECRET', 'DIGEST_TRIGGER_SECRET', 'NOTIFY_API_KEY', 'CONTACT_ENCRYPTION_KEY'])
      expect(named(required)?.value.kind, required).to.equal('keyVault');
    for (const { name, value } of settings.filter((s) => /SECRET|PASSWORD|KEY|TOKEN/i.test(s.name)))
      expect(value.kind, name).to.equal('keyVault');
    for (const { name, value } of settings.filter((s) => s.value.kind === 'keyVault'))
      expect(value.text, name).to.match(/^@Microsoft\.KeyVault\(VaultName=\$\{\w+\.name\};SecretName=[a-z0-9-]+\)$/);
    // The identity resolves them (Key Vault Secrets User on an RBAC vault).
    expect(bicep).to.match(/keyVaultReferenceIdentity:\s*identity\.id/);
    expect(bicep).to.match(/enableRbacAuthorization:\s*true/);
    expect(bicep).to.include('4633458b-17de-408a-b874-0445c86b69e6');
    // A secret the template writes into the vault comes from a @secure() parameter, not from the text.
    for (const m of bicep.matchAll(/resource\s+\w+\s+'Microsoft\.KeyVault\/vaults\/secrets@[^']+'/g)) {
      const body = balanced(bicep, bicep.indexOf('{', m.index), '{', '}');
      const value = /value:\s*(\S+)/.exec(body)?.[1] ?? '';
      expect(value, m[0]).to.match(/^\w+$/);
      expect(bicep, m[0]).to.match(
        new RegExp(`@secure\\(\\)\\s*\\n(?:@[^\\n]*\\n)*param\\s+${value}\\s+string\\s*$`, 'm'),
      );
    }
  });

  it('serve https only on Node 20 LTS, always on, checked by GET /readyz, started by node dist/index.js', () => {
    expect(bicep).to.match(/httpsOnly:\s*true/);
    expect(bicep).to.match(/healthCheckPath:\s*'\/readyz'/);
    expect(bicep).to.match(/alwaysOn:\s*true/);
    expect(bicep).to.match(/linuxFxVersion:\s*'NODE\|20-lts'/);
    expect(bicep).to.match(/minTlsVersion:\s*'1\.2'/);
    expect(bicep).to.match(/appCommandLine:\s*'node dist\/index\.js'/);
  });
});

describe('infra: the bot registration, the parameters file and m365agents.yml agree with azure.bicep', () => {
  it('registers the bot as UserAssignedMSI with the identity, at /api/messages, on Teams and Direct Line', () => {
    const bot = read('infra/botRegistration/azurebot.bicep');
    expect(bot).to.match(/msaAppType:\s*'UserAssignedMSI'/);
    expect(bot).to.match(/msaAppId:\s*identityClientId/);
    expect(bot).to.match(/msaAppMSIResourceId:\s*identityResourceId/);
    expect(bot).to.match(/msaAppTenantId:\s*identityTenantId/);
    expect(bot).to.match(/endpoint:\s*'https:\/\/\$\{botAppDomain\}\/api\/messages'/);
    expect(bot).to.match(/channelName:\s*'MsTeamsChannel'/);
    expect(bot).to.match(/channelName:\s*'DirectLineChannel'/);
    expect(read('infra/azure.bicep')).to.match(/module\s+\w+\s+'\.\/botRegistration\/azurebot\.bicep'/);
  });

  it('has a value in azure.parameters.json for every parameter without a default, and none for unknown ones', () => {
    const bicep = read('infra/azure.bicep');
    const declared = [...bicep.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)];
    const required = declared.filter((m) => !m[2]).map((m) => m[1]!);
    const parameters = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, unknown> };
    const given = Object.keys(parameters.parameters);
    expect(
      required.filter((p) => !given.includes(p)),
      'missing from azure.parameters.json',
    ).to.deep.equal([]);
    expect(
      given.filter((p) => !declared.some((m) => m[1] === p)),
      'not parameters of azure.bicep',
    ).to.deep.equal([]);
  });

  it('points m365agents.yml at these files, deploys to the Web App the template outputs, and packages with npm run package', () => {
    const yml = read('m365agents.yml');
    for (const file of [...yml.matchAll(/(?:path|parameters):\s*(\.\/infra\/\S+)/g)].map((m) => m[1]!))
      expect(existsSync(fromRoot(file)), file).to.equal(true);
    const resourceId = /zipDeploy[\s\S]*?resourceId:\s*\$\{\{(\w+)\}\}/.exec(yml)?.[1];
    expect(resourceId, 'zipDeploy resourceId').to.be.a('string');
    expect(read('infra/azure.bicep')).to.match(new RegExp(`^output\\s+${resourceId}\\s+string`, 'm'));
    expect(yml).to.match(/npm run package/);
    expect(yml).to.include('./manifest/build/send-outcomes-bot.zip');
  });
});
