import restify, { type Server } from 'restify';

/** The HTTP server: restify with a JSON body parser (botbuilder needs the parsed body). */
export function createHttpServer(): Server {
  const server = restify.createServer({ name: 'send-outcomes-bot' });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  return server;
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
