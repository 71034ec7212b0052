import type { Request, Response, Server } from 'restify';

/**
 * GET /outcomes: the framework's published figures for the Local Offer. Plain HTML and inline SVG, no
 * script, nothing a manager has not marked public. Embeddable: the council's Local Offer site may show it in
 * a frame, so no frame-ancestors limit is set (a list of allowed sites would break every council's own
 * embed and protects nothing here: the page holds only published figures and takes no input, so there is
 * nothing to click-jack). `sandbox` still stops anything in it from running, navigating the top page or
 * submitting forms, whoever frames it.
 */
export function registerOutcomesPage(server: Server, page: { html(): Promise<string> }): void {
  server.get('/outcomes', async (_req: Request, res: Response): Promise<void> => {
    const body = await page.html();
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'public, max-age=300',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; base-uri 'none'; form-action 'none'; sandbox allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation",
    });
    res.end(body);
  });
}
