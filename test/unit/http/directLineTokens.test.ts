import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import { DirectLineServiceTokens } from '../../../src/http/directLineTokens.js';

/** The production token exchange, against a loopback server standing in for the Direct Line service. */
describe('Direct Line token exchange', () => {
  let server: Server;
  let endpoint: string;
  const seen: { auth?: string; body: string; path?: string }[] = [];
  let status = 200;

  before(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body, path: req.url });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(status === 200 ? JSON.stringify({ conversationId: 'conv-1', token: 'tok-1', expires_in: 3600 }) : '{}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('sends the secret only to the service, and gives the page a token bound to a new conversation', async () => {
    const token = await new DirectLineServiceTokens('the-secret', endpoint).issue();
    expect(token).to.deep.include({ token: 'tok-1', conversationId: 'conv-1' });
    expect(JSON.stringify(token)).not.to.include('the-secret');
    expect(seen.at(-1)?.auth).to.equal('Bearer the-secret');
    expect(seen.at(-1)?.path).to.equal('/v3/directline/tokens/generate');
    expect(JSON.parse(seen.at(-1)!.body).user.id).to.match(/^dl_[0-9a-f]{24}$/);
  });

  it('fails clearly when the service refuses', async () => {
    status = 403;
    let message = '';
    await new DirectLineServiceTokens('bad', endpoint).issue().catch((e: Error) => (message = e.message));
    expect(message).to.equal('Direct Line refused the token request (HTTP 403)');
    status = 200;
  });
});
