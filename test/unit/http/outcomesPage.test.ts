import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { registerOutcomesPage } from '../../../src/http/outcomesPage.js';
import { createHttpServer, listen } from '../../../src/http/server.js';

/** /outcomes: built at most once a minute per instance, shared by requests that arrive together, headers as sent. */
describe('the /outcomes page as served', () => {
  it('builds once for requests within the minute, again after it, and again after a failed build', async () => {
    let clock = 0;
    let builds = 0;
    let fail = false;
    const server = createHttpServer({ localOnly: false });
    registerOutcomesPage(
      server,
      {
        html: async () => {
          builds++;
          if (fail) throw new Error('storage down');
          return `<p>build ${builds}</p>`;
        },
      },
      { now: () => clock, cacheMs: 60_000 },
    );
    await listen(server, 0, '127.0.0.1');
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/outcomes`;
    try {
      const together = await Promise.all([fetch(url), fetch(url), fetch(url)]);
      expect(await Promise.all(together.map((r) => r.text()))).to.deep.equal(Array(3).fill('<p>build 1</p>'));
      const res = await fetch(url);
      expect(res.headers.get('content-security-policy')).to.include("default-src 'none'").and.include('sandbox');
      expect(res.headers.get('x-frame-options')).to.equal(null);
      clock = 59_999;
      expect(await (await fetch(url)).text()).to.equal('<p>build 1</p>');
      clock = 60_000;
      expect(await (await fetch(url)).text()).to.equal('<p>build 2</p>');
      fail = true;
      clock = 120_000;
      const failed = await fetch(url);
      expect(failed.status).to.equal(503);
      expect(await failed.text()).to.equal(
        'These figures cannot be shown just now. Please try again in a few minutes.',
      );
      fail = false;
      expect(await (await fetch(url)).text()).to.equal('<p>build 4</p>');
    } finally {
      server.close();
    }
  });
});
