import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { ReviewAnswersService } from '../features/reviews/reviewAnswersService.js';
import type { ReviewAnswers } from '../features/reviews/domain/reviewAnswers.js';

const tokenQuery = z.object({ token: z.string().min(10).max(2000) });

/** GET /reviews/print?token=…: the page behind a signed link that expires (see ReviewAnswersService). */
export function registerReviewPrintRoute(
  server: Server,
  reviews: ReviewAnswersService,
  page: { render(answers: ReviewAnswers, printedOn: string): string; today(): string },
): void {
  server.get('/reviews/print', async (req: Request, res: Response): Promise<void> => {
    const parsed = tokenQuery.safeParse(req.query ?? {});
    const result = parsed.success
      ? await reviews.forPrintLink(parsed.data.token)
      : ({ kind: 'refused', why: 'invalid' } as const);
    if (result.kind === 'refused') {
      res.writeHead(result.why === 'expired' ? 410 : 404, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(
        result.why === 'expired'
          ? 'This print link has expired. Ask the bot for "answers for" the review again for a fresh one.'
          : 'This print link does not work. Please use the button on the review’s answers in Teams.',
      );
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
    });
    res.end(page.render(result.answers, page.today()));
  });
}
