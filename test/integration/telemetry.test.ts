import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from 'chai';
import getPort from 'get-port';
import { BotProcess, waitUntil, type Activity } from '../support/botProcess.js';

type Envelope = { name: string; data?: { baseType?: string; baseData?: Record<string, any> } } & Record<string, any>;

/**
 * Azure Monitor's ingestion endpoint on loopback: the exporter POSTs gzip'd JSON envelopes to
 * `<IngestionEndpoint>/v2.1/track`, always over https (it rewrites http:// to https://), so this one has a
 * certificate the bot is told to trust. A second, plain server is the bot's HTTP(S) proxy: anything the
 * telemetry libraries try to reach beyond the configured endpoint (live metrics, statsbeat, remote
 * configuration) arrives there and is recorded instead of leaving the machine.
 */
class Collector {
  readonly envelopes: Envelope[] = [];
  readonly elsewhere: string[] = [];
  private constructor(
    private readonly ingestion: HttpsServer,
    private readonly proxy: Server,
    readonly url: string,
    readonly proxyUrl: string,
    readonly caFile: string,
  ) {}

  static async start(dir: string): Promise<Collector> {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1'],
        ...['-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert],
      ],
      { stdio: 'ignore' },
    );
    const ingestion = createHttpsServer({ key: readFileSync(key), cert: readFileSync(cert) });
    const proxy = createServer();
    await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const collector = new Collector(
      ingestion,
      proxy,
      `https://127.0.0.1:${(ingestion.address() as AddressInfo).port}`,
      `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      cert,
    );
    proxy.on('connect', (req, socket) => {
      collector.elsewhere.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    proxy.on('request', (req, res) => {
      collector.elsewhere.push(`${req.method} ${req.url}`);
      res.writeHead(403).end();
    });
    ingestion.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.method !== 'POST' || !/^\/v2(\.1)?\/track/.test(req.url ?? '')) {
          collector.elsewhere.push(`ingestion endpoint: ${req.method} ${req.url}`);
          res.writeHead(404).end();
          return;
        }
        const raw = Buffer.concat(chunks);
        const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        const items = text.trimStart().startsWith('[')
          ? (JSON.parse(text) as Envelope[])
          : text
              .split('\n')
              .filter((l) => l.trim())
              .map((l) => JSON.parse(l) as Envelope);
        collector.envelopes.push(...items);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      });
    });
    return collector;
  }

  of(kind: 'Request' | 'RemoteDependency' | 'Exception'): Record<string, any>[] {
    return this.envelopes
      .filter((e) => e.name === `Microsoft.ApplicationInsights.${kind}`)
      .map((e) => ({ ...e.data?.baseData, tags: e.tags }));
  }

  async close(): Promise<void> {
    for (const server of [this.ingestion, this.proxy]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }
}

const cardsOf = (activities: Activity[]): Activity[] =>
  activities.flatMap((a) => (a.attachments ?? []).map((x: Activity) => x.content));
const textOf = (activities: Activity[]) => activities.map((a) => a.text ?? a.summary ?? '').join('\n');
function inputsOf(card: Activity): Activity[] {
  const out: Activity[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const e = n as Activity;
      if (typeof e.type === 'string' && e.type.startsWith('Input.') && e.id) out.push(e);
      Object.values(e).forEach(walk);
    }
  };
  walk(card.body);
  return out;
}
function openUrl(cards: Activity[]): string {
  for (const card of cards) {
    const url = (card.actions ?? []).find((a: Activity) => a.type === 'Action.OpenUrl')?.url;
    if (url) return url as string;
  }
  throw new Error('no link in the reply');
}

/**
 * With APPLICATIONINSIGHTS_CONNECTION_STRING set, the real bot process sends requests, Table Storage
 * dependencies and exceptions to Azure Monitor; what it sends names no family, code, review or token.
 */
describe('telemetry to Azure Monitor (real bot process, local ingestion endpoint)', function () {
  this.timeout(120_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'send-bot-telemetry-'));
  const REF = 'TL-4821';
  const STAFF = 'c0ffee00-1111-4222-8333-944445555666';
  const WORDS = 'Our Mabel adores the purple trampoline at Grandma Ethel in Penzance';
  let collector: Collector;
  let bot: BotProcess | undefined;
  let launched = 0;
  const secrets: Record<string, string> = { REF, STAFF, WORDS, word: 'trampoline', place: 'Penzance' };

  before(async () => {
    collector = await Collector.start(mkdtempSync(path.join(tmpdir(), 'send-bot-collector-')));
    const port = await getPort({ host: '127.0.0.1' });
    launched = Date.now();
    bot = await BotProcess.start(
      port,
      {
        DATA_DIR: dataDir,
        DEMO_DATA: 'false',
        DEV_ROLES: 'practitioner,manager',
        BOT_TODAY: '2026-11-22',
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=0a1b2c3d-0000-4000-8000-00000000abcd;IngestionEndpoint=${collector.url}/`,
        // Every trace kept (production keeps the default rate-limited sampling), so nothing here is
        // absent merely because it was sampled out.
        OTEL_TRACES_SAMPLER: 'always_on',
        NODE_EXTRA_CA_CERTS: collector.caFile,
        HTTPS_PROXY: collector.proxyUrl,
        HTTP_PROXY: collector.proxyUrl,
        NO_PROXY: '127.0.0.1,localhost',
      },
      // Compiled (compiledBot.ts), as production runs node on compiled JavaScript: the distro hooks the same modules.
      { compiled: true },
    );
  });
  after(async () => {
    bot?.killGroup('SIGKILL');
    await collector?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends requests, Table calls and exceptions with routes, not codes, review refs, tokens or words', async () => {
    const b = bot!;
    const base = `http://127.0.0.1:${b.port}`;
    const started = Date.now();
    const staff = {
      channelId: 'msteams',
      from: { id: 'staff-1', aadObjectId: STAFF },
      conversation: { id: 'staff-1', conversationType: 'personal' },
    };
    const family = { channelId: 'directline', from: { id: 'family-1' }, conversation: { id: 'family-conv-1' } };

    const invited = await b.post({ ...staff, type: 'message', text: `invite review ${REF} parent` });
    const formatted = /code ([A-Z0-9-]{12})/.exec(JSON.stringify(invited.activities))?.[1];
    expect(formatted, JSON.stringify(invited).slice(0, 1500)).to.be.a('string');
    const code = formatted!.replace(/-/g, '');
    Object.assign(secrets, { code, formatted });

    // The family's personal link, then the survey, with their own words in the first free-text box.
    expect((await fetch(`${base}/survey/${code}`)).status).to.equal(200);
    let replies = (await b.post({ ...family, type: 'message', text: code })).activities;
    for (let step = 0; step < 20; step++) {
      const card = cardsOf(replies).at(-1);
      if (!card?.actions?.[0]?.data) break;
      const answers: Record<string, string> = {};
      for (const input of inputsOf(card))
        answers[input.id] = input.id.startsWith('text.') ? (input.id === 'text.pc.1' ? WORDS : '') : '4';
      replies = (await b.post({ ...family, type: 'message', value: { ...card.actions[0].data, ...answers } }))
        .activities;
    }
    expect(textOf(replies)).to.match(/your survey is complete/i);

    // The practitioner's signed print link and a manager's signed CSV link, opened.
    const print = openUrl(
      cardsOf((await b.post({ ...staff, type: 'message', text: `answers for ${REF}` })).activities),
    );
    const csv = openUrl(cardsOf((await b.post({ ...staff, type: 'message', text: 'preview the digest' })).activities));
    for (const link of [print, csv]) {
      const local = link.replace(/^https?:\/\/[^/]+/, base);
      expect((await fetch(local)).status, link).to.equal(200);
      const token = new URL(local).searchParams.get('token')!;
      secrets[`token of ${new URL(local).pathname}`] = token;
    }
    // A link with a made-up code: the family page's look-up misses in Table Storage.
    await fetch(`${base}/survey/ZZZZ2345ZZ`);
    secrets.unknownCode = 'ZZZZ2345ZZ';
    console.log(`      journey took ${Date.now() - started} ms`);

    // The SDK's own calls home start 5-15 s after it does (remote configuration; the first statsbeat at
    // 15 s): the bot runs past that, so the proxy would see them.
    await new Promise((r) => setTimeout(r, Math.max(0, launched + 17_000 - Date.now())));
    // A clean stop flushes what is still batched.
    b.killGroup('SIGTERM');
    await waitUntil(
      () => b.exited,
      30_000,
      () => b.output,
    );
    console.log(
      `      ${collector.envelopes.length} envelopes; stopped ${Date.now() - started} ms after the journey began`,
    );

    const requests = collector.of('Request');
    const names = requests.map((r) => r.name as string);
    expect(names).to.include('GET /survey/:code');
    expect(names).to.include('POST /api/messages');
    expect(names).to.include('GET /reviews/print');
    expect(names).to.include('GET /api/digests/csv');
    expect(requests.filter((r) => r.tags?.['ai.location.ip']).length, "a client's address").to.equal(0);
    const dependencies = collector.of('RemoteDependency');
    const tableCalls = dependencies.filter((d) => String(d.type).includes('Microsoft.Data.Tables'));
    expect(tableCalls.length, 'Table operations').to.be.greaterThan(10);
    expect(collector.of('Exception').length, 'exceptions (Table look-ups that found nothing)').to.be.greaterThan(0);

    const everything = JSON.stringify(collector.envelopes).toLowerCase();
    const leaked = Object.entries(secrets).filter(([, s]) =>
      [s, encodeURIComponent(s)].some((v) => everything.includes(v.toLowerCase())),
    );
    expect(
      leaked.map(([what]) => what),
      'found in telemetry',
    ).to.deep.equal([]);
    // A respondent's row is read by its key, which holds the review ref: the table is kept, the key is not.
    expect(dependencies.map((d) => String(d.name))).to.include('GET /:id/answers(...)');
    expect(collector.elsewhere, 'reached beyond the configured endpoint').to.deep.equal([]);
  });
});
