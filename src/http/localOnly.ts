import type { Request, Response, Next } from 'restify';
import { isLoopbackHostHeader, isLoopbackOrigin } from '../domain/security/loopback.js';

/**
 * Without credentials the bot believes whoever reaches it, so only this machine's own clients may. Listening
 * on loopback is not enough on its own: any web page open in the developer's browser can send requests to
 * localhost (a form post made invitations), and a page whose name is rebound to 127.0.0.1 can read the
 * answers (DNS rebinding). So, on every route:
 *   - the Host must name this machine (a rebound page's requests carry its own name);
 *   - a browser request from another site is refused: an Origin that is not this machine's, or
 *     Sec-Fetch-Site "cross-site" (a page's own same-origin requests, and clients that are not browsers,
 *     are unaffected).
 * The one exception is a plain GET of the public static files: cards name their pictures by PUBLIC_BASE_URL
 * (localhost), so a family page opened on 127.0.0.1 loads them cross-site; they hold nothing and change nothing.
 */
export function refuseOtherSites(req: Request, res: Response, next: Next): void {
  const refusal = refusalOf(req);
  if (!refusal) return next();
  res.writeHead(refusal.status, {
    'content-type': 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(refusal.message);
  return next(false);
}

function refusalOf(req: Request): { status: number; message: string } | undefined {
  if (!isLoopbackHostHeader(req.headers.host))
    return {
      status: 421,
      message: 'This bot runs without credentials, so it answers only requests addressed to localhost.',
    };
  const origin = req.headers.origin;
  const crossSite = req.headers['sec-fetch-site'] === 'cross-site';
  const publicFile = (req.method === 'GET' || req.method === 'HEAD') && (req.url ?? '').startsWith('/static/');
  if ((origin !== undefined && !isLoopbackOrigin(origin)) || (crossSite && !publicFile))
    return {
      status: 403,
      message: "This bot runs without credentials, so it does not answer requests from other sites' pages.",
    };
  return undefined;
}
