import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';

/** What the routes need from the digest service (kept small so the routes are easy to test). */
export type DigestEndpoints = {
  /** Runs the scheduled send (the term just ended, if its digest is due); returns the delivery report. */
  runDue(): Promise<{ digestId: string; report: Record<string, unknown> } | { digestId: undefined; reason: string }>;
  /** The CSV behind a signed download link, or why the link does not work. */
  csvForToken(
    token: string,
  ): Promise<{ ok: true; fileName: string; csv: string } | { ok: false; reason: 'expired' | 'invalid' }>;
};

const runRequest = z.object({}).passthrough();
const tokenQuery = z.object({ token: z.string().min(10).max(2000) });

/**
 * POST /api/digests/run: an external scheduler (Azure Logic Apps, cron) triggers the term-end send. The
 * caller must send `Authorization: Bearer <DIGEST_TRIGGER_SECRET>`; without a configured secret the route
 * refuses everyone (the bot's own schedule still runs). GET /api/digests/csv?token=…: a digest's figures
 * as CSV, from a signed link that expires.
 */
export function registerDigestRoutes(server: Server, digests: DigestEndpoints, opts: { triggerSecret?: string }): void {
  // restify warns about (and discards) values returned by async handlers: these return nothing.
  server.post('/api/digests/run', async (req: Request, res: Response): Promise<void> => {
    if (!opts.triggerSecret) {
      res.send(403, { message: 'The digest trigger is not configured on this bot (set DIGEST_TRIGGER_SECRET).' });
      return;
    }
    const presented = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!presented) {
      res.header('www-authenticate', 'Bearer');
      res.send(401, { message: 'Send the trigger secret as "Authorization: Bearer <secret>".' });
      return;
    }
    if (!sameSecret(presented, opts.triggerSecret)) {
      res.send(403, { message: 'The trigger secret is not right.' });
      return;
    }
    if (!runRequest.safeParse(req.body ?? {}).success) {
      res.send(400, { message: 'Send an empty JSON object, or no body.' });
      return;
    }
    const result = await digests.runDue();
    res.send(
      200,
      'report' in result ? { digestId: result.digestId, ...result.report } : { digestId: null, message: result.reason },
    );
  });

  server.get('/api/digests/csv', async (req: Request, res: Response): Promise<void> => {
    const parsed = tokenQuery.safeParse(req.query ?? {});
    if (!parsed.success) {
      sendText(res, 400, 'This download link is not complete. Please use the link in the digest.');
      return;
    }
    const result = await digests.csvForToken(parsed.data.token);
    if (!result.ok) {
      sendText(
        res,
        result.reason === 'expired' ? 410 : 404,
        result.reason === 'expired'
          ? 'This download link has expired. Ask the bot to "preview the digest" for a fresh one.'
          : 'This download link does not work. Please use the link in the digest.',
      );
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${result.fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(`\ufeff${result.csv}`);
  });
}

/** Compares digests of both, so neither the length nor the content leaks through timing. */
function sameSecret(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function sendText(res: Response, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}
