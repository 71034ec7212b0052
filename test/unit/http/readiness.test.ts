import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { Server } from 'restify';
import { drainServer, Readiness, registerReadiness, type ReadinessResult } from '../../../src/http/readiness.js';
import { createHttpServer, listen } from '../../../src/http/server.js';

async function started(setup: (server: Server) => void): Promise<{ server: Server; base: string }> {
  const server = createHttpServer({ localOnly: false });
  setup(server);
  await listen(server, 0, '127.0.0.1');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** GET /readyz: 200 only while every check answers in time and shutdown has not begun; a status and nothing else. */
describe('readiness', function () {
  this.timeout(10_000);
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('is 200 with only a status while every check passes', async () => {
    const readiness = new Readiness({ storage: () => undefined, catalogues: () => true });
    const app = await started((s) => registerReadiness(s, readiness));
    server = app.server;
    const res = await fetch(`${app.base}/readyz`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('cache-control')).to.equal('no-store');
    expect(await res.json()).to.deep.equal({ status: 'ready' });
  });

  it('is 503 with only a status when a check fails, and tells the log why, once', async () => {
    const secret = 'AccountKey=c2VjcmV0; review AR-1042';
    const heard: ReadinessResult[] = [];
    const readiness = new Readiness({
      catalogues: () => true,
      storage: () => Promise.reject(new Error(`connect ECONNREFUSED 127.0.0.1:10002 ${secret}`)),
    });
    const app = await started((s) => registerReadiness(s, readiness, (r) => heard.push(r)));
    server = app.server;
    for (let i = 0; i < 3; i++) {
      const res = await fetch(`${app.base}/readyz`);
      expect(res.status).to.equal(503);
      const text = await res.text();
      expect(JSON.parse(text)).to.deep.equal({ status: 'not ready' });
      expect(text).not.to.match(/storage|ECONNREFUSED|AccountKey|AR-1042|10002/);
    }
    expect(heard.map((r) => !r.ready && r.failed)).to.deep.equal(['storage']);
  });

  it('is 503 within its timeout when a check never answers, even one that ignores its signal', async () => {
    const readiness = new Readiness({ storage: () => new Promise(() => undefined) }, 300);
    const app = await started((s) => registerReadiness(s, readiness));
    server = app.server;
    const began = Date.now();
    const res = await fetch(`${app.base}/readyz`);
    expect(res.status).to.equal(503);
    expect(Date.now() - began).to.be.lessThan(1_500);
  });

  it('gives each check a signal that aborts at the timeout', async () => {
    let aborted = false;
    const readiness = new Readiness(
      {
        storage: (signal) =>
          new Promise((_resolve, reject) =>
            signal.addEventListener('abort', () => ((aborted = true), reject(new Error('aborted')))),
          ),
      },
      200,
    );
    expect((await readiness.check()).ready).to.equal(false);
    expect(aborted).to.equal(true);
  });

  it('is 503 once shutdown has begun, while the server still answers', async () => {
    const readiness = new Readiness({ storage: () => undefined });
    const app = await started((s) => registerReadiness(s, readiness));
    server = app.server;
    expect((await fetch(`${app.base}/readyz`)).status).to.equal(200);
    readiness.beginShutdown();
    const res = await fetch(`${app.base}/readyz`);
    expect(res.status).to.equal(503);
    expect(await res.json()).to.deep.equal({ status: 'not ready' });
    expect((await fetch(`${app.base}/healthz`)).status, 'the process is still up').to.equal(200);
  });
});

/** One request on its own connection; resolves with its status and body, or the error's code. */
function request(
  base: string,
  path: string,
  agent?: http.Agent,
): Promise<{ status?: number; body?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = http.get(`${base}${path}`, { agent: agent ?? false }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode, body }));
      res.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
    });
    req.on('error', (e: NodeJS.ErrnoException) => resolve({ error: e.code ?? e.message }));
  });
}

/** Stopping: no new connections, requests in flight answered in full, a deadline for those that never end. */
describe('draining the server', function () {
  this.timeout(10_000);

  it('answers the requests in flight, refuses new connections, and closes idle kept-alive ones at once', async () => {
    const { server, base } = await started((s) => {
      s.get('/slow', async (_req, res) => {
        await new Promise((r) => setTimeout(r, 700));
        res.send(200, { done: true });
      });
      s.get('/quick', async (_req, res) => void res.send(200, { done: true }));
    });
    const keepAlive = new http.Agent({ keepAlive: true });
    expect((await request(base, '/quick', keepAlive)).status).to.equal(200); // leaves an idle kept-alive socket
    const inFlight = [request(base, '/slow'), request(base, '/slow'), request(base, '/slow', keepAlive)];
    await new Promise((r) => setTimeout(r, 150));
    const began = Date.now();
    const drained = drainServer(server, 5_000);
    await new Promise((r) => setTimeout(r, 50));
    expect((await request(base, '/quick')).error, 'a new connection').to.equal('ECONNREFUSED');
    for (const r of await Promise.all(inFlight)) expect(r).to.deep.equal({ status: 200, body: '{"done":true}' });
    expect(await drained).to.equal('drained');
    expect(Date.now() - began, 'not held by the idle kept-alive socket').to.be.lessThan(2_000);
    keepAlive.destroy();
  });

  it('answers every connection already made when the stop begins, not only the first (Node takes one a turn)', async () => {
    const { server, base } = await started((s) =>
      s.get('/quick', async (_req, res) => void res.send(200, { done: true })),
    );
    // Six clients connect at once; the kernel completes each connection before the bot's loop takes any, as it
    // does under load when the stop comes: each was made before the stop, so each is answered.
    const made = Array.from({ length: 6 }, () => request(base, '/quick'));
    const drained = drainServer(server, 5_000);
    expect(await Promise.all(made)).to.deep.equal(Array(6).fill({ status: 200, body: '{"done":true}' }));
    expect(await drained).to.equal('drained');
  });

  it('closes what is still open at the deadline', async () => {
    const { server, base } = await started((s) =>
      s.get('/never', async () => {
        await new Promise(() => undefined);
      }),
    );
    const stuck = request(base, '/never');
    await new Promise((r) => setTimeout(r, 100));
    const began = Date.now();
    expect(await drainServer(server, 400)).to.equal('deadline');
    expect(Date.now() - began).to.be.within(350, 1_500);
    expect((await stuck).error).to.be.a('string');
  });
});
