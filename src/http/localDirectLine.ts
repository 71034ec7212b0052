import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

/**
 * A local Direct Line for `npm start` (no DIRECT_LINE_SECRET): the `offline-directline` package, so a
 * newcomer can open a family link and answer in Web Chat with nothing in Azure. Loopback only.
 */
type ExpressApp = { use(handler: unknown): void; listen(port: number, host: string, cb: () => void): Server };
type Bridge = { getRouter(serviceUrl: string, botUrl: string, conversationInitRequired?: boolean): unknown };

export type LocalDirectLine = { domain: string; serviceUrl: string; close(): Promise<void> };

export async function startLocalDirectLine(botUrl: string, port = 0): Promise<LocalDirectLine> {
  const require = createRequire(import.meta.url);
  const bridgePath = require.resolve('offline-directline');
  // Use the express the package was built with (it is older than any other in the tree).
  const express = createRequire(bridgePath)('express') as () => ExpressApp;
  const bridge = require('offline-directline') as Bridge;
  const app = express();
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  const actualPort = (server.address() as AddressInfo).port;
  const serviceUrl = `http://127.0.0.1:${actualPort}`;
  app.use(bridge.getRouter(serviceUrl, botUrl));
  return {
    domain: `http://localhost:${actualPort}/directline`,
    serviceUrl,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
