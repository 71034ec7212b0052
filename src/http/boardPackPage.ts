import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { BoardPack } from '../features/boardPack/domain/boardPack.js';

const tokenQuery = z.object({ token: z.string().min(10).max(2000) });

type Packs = {
  forToken(
    token: string,
    how: 'html' | 'pdf',
  ): Promise<{ kind: 'pack'; pack: BoardPack } | { kind: 'refused'; why: 'expired' | 'invalid' }>;
};
type Render = { html(pack: BoardPack, pdfUrl: string): Promise<string>; pdf(pack: BoardPack): Promise<Buffer> };

const HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

/**
 * GET /board-pack?token=… and /board-pack.pdf?token=…: the board pack behind a signed link that expires,
 * as a printable page (no script; charts are inline SVG) and as a PDF. Each opening is recorded.
 */
export function registerBoardPackPages(server: Server, packs: Packs, render: Render): void {
  const serve =
    (how: 'html' | 'pdf') =>
    async (req: Request, res: Response): Promise<void> => {
      try {
        await answer(how, req, res);
      } catch {
        // Never the error's own words (restify would send them): a plain sentence a board member can act on.
        if (!res.headersSent) res.writeHead(503, { ...HEADERS, 'content-type': 'text/plain; charset=utf-8' });
        res.end('The board pack cannot be made just now. Please try the link again in a few minutes.');
      }
    };
  const answer = async (how: 'html' | 'pdf', req: Request, res: Response): Promise<void> => {
    const parsed = tokenQuery.safeParse(req.query ?? {});
    const result = parsed.success
      ? await packs.forToken(parsed.data.token, how)
      : ({ kind: 'refused', why: 'invalid' } as const);
    if (result.kind === 'refused') {
      res.writeHead(result.why === 'expired' ? 410 : 404, {
        ...HEADERS,
        'content-type': 'text/plain; charset=utf-8',
      });
      res.end(
        result.why === 'expired'
          ? 'This board pack link has expired. Ask the bot for the "board pack" again for a fresh one.'
          : 'This board pack link does not work. Please use the link the bot gave you in Teams.',
      );
      return;
    }
    if (how === 'pdf') {
      const pdf = await render.pdf(result.pack);
      res.writeHead(200, {
        ...HEADERS,
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="board-pack-${result.pack.period.kind === 'term' ? result.pack.period.termId : `${result.pack.period.weeks}-weeks-to-${result.pack.period.to}`}.pdf"`,
      });
      res.end(pdf);
      return;
    }
    const pdfUrl = `/board-pack.pdf?token=${encodeURIComponent(parsed.data!.token)}`;
    res.writeHead(200, {
      ...HEADERS,
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
    res.end(await render.html(result.pack, pdfUrl));
  };
  server.get('/board-pack', serve('html'));
  server.get('/board-pack.pdf', serve('pdf'));
}
