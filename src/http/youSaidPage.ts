import type { Request, Response, Server } from 'restify';

/**
 * GET /you-said-we-did: the public page a Local Offer site can link to or embed. Plain HTML, no script,
 * no personal data (entries are checked for it when written; who wrote them is never shown).
 */
export function registerYouSaidPage(server: Server, page: { html(): Promise<string> }): void {
  server.get('/you-said-we-did', async (_req: Request, res: Response): Promise<void> => {
    const body = await page.html();
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      // Embeddable by a Local Offer site (frame-ancestors left open), but nothing can run in it.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    });
    res.end(body);
  });
}
