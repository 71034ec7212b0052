import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { Readiness } from '../../src/http/readiness.js';
import { devConnectionString, startEmbeddedAzurite, type EmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';
import { TableStore } from '../../src/storage/tableStore.js';
import { BotHarness } from '../support/botHarness.js';

/** The platform's probes against the whole bot and real Azurite: ready only while storage answers. */
describe('readiness of the bot (HTTP endpoint, real Azurite)', function () {
  this.timeout(60_000);
  let bot: BotHarness;
  // An Azurite of its own (not the test process's shared one): the test stops it.
  let azurite: EmbeddedAzurite;
  before(async () => {
    azurite = await startEmbeddedAzurite();
    bot = await BotHarness.start({ azurite });
  });
  after(async () => {
    await bot?.stop().catch(() => undefined);
    await azurite?.stop();
  });

  it('is ready while storage answers, 503 within a few seconds of it stopping, with nothing but a status', async () => {
    const ready = await fetch(`${bot.baseUrl}/readyz`);
    expect(ready.status).to.equal(200);
    expect(await ready.text()).to.equal('{"status":"ready"}');

    await azurite.stop();
    const began = Date.now();
    const down = await fetch(`${bot.baseUrl}/readyz`);
    const tookMs = Date.now() - began;
    console.log(`      503 after ${tookMs} ms with Azurite stopped`);
    expect(down.status).to.equal(503);
    expect(await down.text()).to.equal('{"status":"not ready"}');
    expect(tookMs).to.be.lessThan(3_000);
    const health = await fetch(`${bot.baseUrl}/healthz`);
    expect(health.status, 'the process itself is still up').to.equal(200);
  });

  it('serves the privacy notice and terms of use the Teams manifest links to', async () => {
    for (const page of ['/privacy', '/terms']) {
      const res = await fetch(`${bot.baseUrl}${page}`);
      expect(res.status, page).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      expect(await res.text()).to.include('<h1>');
    }
  });

  it('gives up on a store that takes connections and never answers, and leaves no connection behind', async () => {
    const open = new Set<Socket>();
    // Reads (and ignores) what it is sent, so it sees the client close; it never answers.
    const silent = createServer((socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket)).resume();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const store = new TableStore(devConnectionString((silent.address() as AddressInfo).port));
    const readiness = new Readiness({ storage: (signal) => store.ping(signal) }, 500);
    try {
      const began = Date.now();
      for (let probe = 0; probe < 3; probe++) expect((await readiness.check()).ready).to.equal(false);
      expect(Date.now() - began).to.be.lessThan(3_000);
      // Each probe's request is abandoned, not left waiting: probes every few seconds would otherwise pile up.
      await new Promise((r) => setTimeout(r, 200));
      expect(open.size, 'connections still open to the silent store').to.equal(0);
    } finally {
      for (const socket of open) socket.destroy();
      silent.close();
    }
  });
});
