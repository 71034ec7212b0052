import type { Request, Response, Server } from 'restify';

/** How long one instance serves the page it built: published figures change termly, marks take effect within it. */
export const OUTCOMES_PAGE_CACHE_MS = 60_000;

/**
 * GET /outcomes: the framework's published figures for the Local Offer. Plain HTML and inline SVG, no
 * script, nothing a manager has not marked public. Embeddable: the council's Local Offer site may show it in
 * a frame, so no frame-ancestors limit is set (a list of allowed sites would break every council's own
 * embed and protects nothing here: the page holds only published figures and takes no input, so there is
 * nothing to click-jack). `sandbox` still stops anything in it from running, navigating the top page or
 * submitting forms, whoever frames it. The page is built at most once a minute per instance (its figures
 * read, its charts drawn), and requests arriving while it is built share that build.
 */
export function registerOutcomesPage(
  server: Server,
  page: { html(): Promise<string> },
  opts: { now?: () => number; cacheMs?: number } = {},
): void {
  const now = opts.now ?? (() => performance.now());
  const cacheMs = opts.cacheMs ?? OUTCOMES_PAGE_CACHE_MS;
  let built: { at: number; html: Promise<string> } | undefined;
  const current = (): Promise<string> => {
    if (!built || now() - built.at >= cacheMs) {
      const html = page.html();
      built = { at: now(), html };
      // A failed build is not kept: the next request tries again.
      html.catch(() => {
        if (built?.html === html) built = undefined;
      });
    }
    return built.html;
  };
  server.get('/outcomes', async (_req: Request, res: Response): Promise<void> => {
    let body: string;
    try {
      body = await current();
    } catch {
      // Never the error's own words (restify would send them): a plain sentence, and try again later.
      res.writeHead(503, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
        'retry-after': '60',
      });
      res.end('These figures cannot be shown just now. Please try again in a few minutes.');
      return;
    }
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
