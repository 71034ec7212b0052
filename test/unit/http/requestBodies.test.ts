import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { expect } from 'chai';
import type { Server } from 'restify';
import { createHttpServer, listen } from '../../../src/http/server.js';

/** Only JSON bodies are read, and only up to 256 KB: an upload never reaches the disk. */
describe('request bodies', () => {
  let server: Server;
  let base: string;
  const seen: unknown[] = [];

  before(async () => {
    server = createHttpServer({ localOnly: false });
    server.post('/echo', async (req, res) => {
      seen.push(req.body);
      res.send(200, { type: typeof req.body });
    });
    await listen(server, 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  const uploads = () => new Set(readdirSync(tmpdir()).filter((f) => f.startsWith('upload_')));

  it('writes no multipart upload to the temporary folder, and reads no form as an object', async () => {
    const before = uploads();
    const form = new FormData();
    form.append('file', new Blob([Buffer.alloc(1024 * 1024, 97)]), 'big.txt');
    const res = await fetch(`${base}/echo`, { method: 'POST', body: form });
    await res.arrayBuffer();
    const added = [...uploads()].filter((f) => !before.has(f));
    expect(added, 'files left in the temporary folder').to.deep.equal([]);
    await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'from[id]=u&type=message',
    });
    expect(seen.at(-1), 'a form is not parsed into an activity-shaped object').not.to.be.an('object');
  });

  it('still parses JSON, and refuses a JSON body over 256 KB', async () => {
    const ok = await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{"a":1}',
    });
    expect(ok.status).to.equal(200);
    expect(seen.at(-1)).to.deep.equal({ a: 1 });
    const big = await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 'x'.repeat(300 * 1024) }),
    });
    expect(big.status).to.equal(413);
  });
});
