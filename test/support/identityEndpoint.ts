import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * App Service's managed identity endpoint on loopback (IDENTITY_ENDPOINT and IDENTITY_HEADER, which
 * @azure/identity and msal read), one per test process: msal keeps the endpoint it first found for the rest of
 * the process, so a second server for a later test file would never be asked. Each test says how to answer and
 * reads the requests made since it started.
 */
export type IdentityEndpoint = {
  url: string;
  /** Every token request's URL, oldest first; a test may empty it. */
  requests: URL[];
  answer(respond: (url: URL) => object): void;
};

// Kept on the process, not in this module: a test run may load this module more than once (then a second
// server started here would never be asked, and the first one's answers would reach the second file's bot).
const KEY = Symbol.for('send-outcomes-bot.test.identityEndpoint');
const processWide = globalThis as { [KEY]?: Promise<IdentityEndpoint> };

export function identityEndpoint(): Promise<IdentityEndpoint> {
  return (processWide[KEY] ??= start());
}

function start(): Promise<IdentityEndpoint> {
  return new Promise((resolve) => {
    let respond: (url: URL) => object = () => ({});
    const requests: URL[] = [];
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      requests.push(url);
      req.resume();
      if (req.headers['x-identity-header'] !== 'identity-header') {
        res.writeHead(401).end();
        return;
      }
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(respond(url)));
    });
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      process.env.IDENTITY_ENDPOINT = `${url}/msi/token`;
      process.env.IDENTITY_HEADER = 'identity-header';
      resolve({ url, requests, answer: (r) => void (respond = r) });
    });
  });
}
