import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { Server } from 'restify';
import { createHttpServer, listen } from '../../../src/http/server.js';

/** Slow or piled-up connections from one client are cut off, so they cannot hold the server. */
describe('connection limits', function () {
  this.timeout(20_000);
  let server: Server;
  let port: number;

  before(async () => {
    server = createHttpServer({ requestTimeoutMs: 1_000, headersTimeoutMs: 1_000, perAddress: 20 });
    server.post('/slow', async (_req, res) => {
      res.send(200, { ok: true });
    });
    await listen(server, 0, '127.0.0.1');
    port = (server.address() as AddressInfo).port;
  });
  after(() => server.close());

  /** Opens a request whose body never finishes; resolves when the server closes it, with how long that took. */
  function slowBody(): { closed: Promise<number>; socket: Socket } {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(
      `POST /slow HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a":`,
    );
    const drip = setInterval(() => socket.write(' '), 200);
    const closed = new Promise<number>((resolve) =>
      socket.once('close', () => (clearInterval(drip), resolve(Date.now() - started))),
    );
    return { closed, socket };
  }

  it('closes connections past the per-address cap at once, and every trickling body by its deadline', async () => {
    const sockets = Array.from({ length: 30 }, slowBody);
    const times = await Promise.all(sockets.map((s) => s.closed));
    const atOnce = times.filter((t) => t < 500).length;
    expect(atOnce, 'over the cap of 20').to.be.at.least(10);
    expect(Math.max(...times), 'none held past the deadline').to.be.lessThan(3_000);
  });

  it('still serves a normal request afterwards', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/slow`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).to.equal(200);
  });
});
