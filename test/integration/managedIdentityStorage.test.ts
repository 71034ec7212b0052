import { expect } from 'chai';
import { identityEndpoint } from '../support/identityEndpoint.js';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getPort from 'get-port';
import { loadConfig } from '../../src/config/config.js';
import { composeServices } from '../../src/composeServices.js';
import { openStorage } from '../../src/storage/storageTarget.js';
import { TableStore } from '../../src/storage/tableStore.js';

const IDENTITY = 'cccccccc-1111-2222-3333-444444444444';
const TENANT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';

/** A token as Entra would issue it; Azurite's "basic" OAuth checks its times, issuer and audience, not its signature. */
function entraToken(audience: string): { token: string; expiresOn: number } {
  const now = Math.floor(Date.now() / 1000);
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = { aud: audience, iss: `https://sts.windows.net/${TENANT}/`, iat: now, nbf: now - 60, exp: now + 3600 };
  return { token: `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`, expiresOn: now + 3600 };
}

/** Azurite's table server over https with OAuth on: it then checks every bearer token it is given. */
async function startOAuthAzurite(dir: string): Promise<{ child: ChildProcess; port: number }> {
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
      ...[
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
    ],
    { stdio: 'ignore' },
  );
  const main = path.join(
    path.dirname(createRequire(import.meta.url).resolve('azurite/package.json')),
    'dist/src/table/main.js',
  );
  const port = await getPort({ host: '127.0.0.1' });
  const child = spawn(
    process.execPath,
    [
      main,
      ...['--tableHost', '127.0.0.1', '--tablePort', String(port), '--inMemoryPersistence'],
      ...['--disableTelemetry', '--skipApiVersionCheck', '--loose', '--silent'],
      ...['--oauth', 'basic', '--cert', path.join(dir, 'cert.pem'), '--key', path.join(dir, 'key.pem')],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('successfully started')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', () => reject(new Error(`Azurite exited:\n${output}`)));
  });
  return { child, port };
}

/**
 * STORAGE_ACCOUNT_URL end to end: the configuration, the one function that opens storage from it, the real
 * DefaultAzureCredential (through App Service's managed identity protocol, answered on loopback) and the
 * repositories, against Azurite's table server checking bearer tokens over https. Nothing here holds a key.
 */
describe('storage reached with a managed identity (STORAGE_ACCOUNT_URL, real Azurite with OAuth over https)', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'mi-storage-'));
  let tokenRequests: URL[] = [];
  let azurite: ChildProcess;
  let accountUrl: string;

  before(async () => {
    const started = await startOAuthAzurite(dir);
    azurite = started.child;
    accountUrl = `https://127.0.0.1:${started.port}/devstoreaccount1`;
    // Read by @azure/identity itself, as on App Service: records every token request, answers for the resource asked.
    const identity = await identityEndpoint();
    identity.answer((url) => {
      const { token, expiresOn } = entraToken(url.searchParams.get('resource') ?? '');
      return { access_token: token, expires_on: String(expiresOn), token_type: 'Bearer' };
    });
    identity.requests.length = 0;
    tokenRequests = identity.requests;
  });

  after(() => {
    azurite?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs the repositories' reads, writes, queries and transactions with the identity AZURE_CLIENT_ID names", async () => {
    const config = loadConfig({ STORAGE_ACCOUNT_URL: accountUrl, AZURE_CLIENT_ID: IDENTITY, LOG_LEVEL: 'silent' });
    const storage = await openStorage(config.storage, { tlsCa: readFileSync(path.join(dir, 'cert.pem'), 'utf8') });
    expect(storage.redo, 'no redo log: only the embedded store keeps one').to.equal(undefined);
    const product = composeServices(config, storage);

    await product.store.ping();
    await product.stores.roles.set('staff-1', ['practitioner'], 'test');
    expect(await product.stores.roles.rolesOf('staff-1')).to.deep.equal(['practitioner']);
    expect((await product.stores.roles.list()).map((r) => r.userId)).to.include('staff-1');

    const invited = await product.services.invitationService.invite('MI-1001', 'pc', 'staff-1');
    expect(invited.kind).to.equal('created');
    expect((await product.stores.invitations.forReview('MI-1001')).map((i) => i.role)).to.deep.equal(['pc']);

    const term = '2026-27-autumn';
    const text = 'We waited a long time for the assessment.';
    await product.stores.respondents.mutate('MI-1001', 'pc', () => ({
      next: {
        reviewRef: 'MI-1001',
        role: 'pc',
        invitedTerm: term,
        sections: { text: { term, savedAt: 'x', values: {} } },
      },
      writes: [{ questionId: 'text.pc.2', section: 'text', term, submittedOn: '2026-11-10', skipped: false, text }],
      deletes: [],
    }));
    expect(await product.stores.respondents.read('MI-1001', 'pc')).to.deep.include({
      reviewRef: 'MI-1001',
      role: 'pc',
    });
    await product.stores.journal.flush();

    expect(tokenRequests.length, 'tokens were asked for').to.be.greaterThan(0);
    for (const request of tokenRequests) {
      expect(request.searchParams.get('client_id'), 'the identity named by AZURE_CLIENT_ID').to.equal(IDENTITY);
      expect(request.searchParams.get('resource')).to.equal('https://storage.azure.com');
    }
  });

  it('is refused by Azurite when the token is not for storage (so the token is what lets it in)', async () => {
    const store = new TableStore({
      accountUrl,
      credential: {
        getToken: async () => {
          const { token, expiresOn } = entraToken('https://vault.azure.net');
          return { token, expiresOnTimestamp: expiresOn * 1000 };
        },
      },
      tlsCa: readFileSync(path.join(dir, 'cert.pem'), 'utf8'),
    });
    const error = await store.ping().then(
      () => undefined,
      (e: unknown) => e as { statusCode?: number; message?: string },
    );
    expect(error?.statusCode).to.equal(403);
    expect(error?.message).to.match(/audience/i);
  });
});
