import type { Request, Response, Server } from 'restify';
import { readCodeFromText } from '../domain/invitations/invitationCode.js';
import { FamilyPageLimits } from './familyPageLimits.js';

/** Where the family page puts its "Stop reminders" (in survey.html). */
export const STOP_PLACEHOLDER = '{{STOP_REMINDERS}}';

export type StopReminders = {
  /** Whether reminders are on and a number or address is held for the code. */
  offers(code: string): Promise<boolean>;
  stop(code: string): Promise<'stopped' | 'nothingHeld' | 'unknown'>;
};

/**
 * The family page's "Stop reminders": a plain form (one press, no script) posting to the page's own code. The
 * code is the family's own invitation code, the same unguessable and rate-limited secret their link already is,
 * so nobody can stop another family's reminders without their link. Only [A-Z0-9] reaches the HTML.
 */
export function stopRemindersForm(code: string): string {
  const canonical = readCodeFromText(code);
  if (!canonical) return '';
  return (
    `<form class="stop-reminders" method="post" action="/survey/${canonical}/stop-reminders">` +
    '<p>We will remind you by text or email until you finish. ' +
    '<button type="submit">Stop reminders</button></p></form>'
  );
}

const PAGES = {
  stopped: [
    'Reminders stopped',
    'We will not send you any more reminders about this survey, and we have deleted the phone number or email address we had for it.',
  ],
  nothingHeld: [
    'No reminders to stop',
    'We do not hold a phone number or email address for this survey, so no reminders will be sent.',
  ],
} as const;

/**
 * POST /survey/<code>/stop-reminders: deletes the family's number or address at once and answers with a plain
 * page saying so, with a way back to the survey (their link still works). Limited per address and per code as
 * the page is; an unknown code gets the same page a wrong link does.
 */
export function registerStopReminders(
  server: Server,
  stop: StopReminders,
  opts: { trustedProxyHops: number; hsts: boolean },
): void {
  const limits = new FamilyPageLimits(opts.trustedProxyHops);
  server.post('/survey/:code/stop-reminders', async (req: Request, res: Response): Promise<void> => {
    const code = readCodeFromText(String(req.params.code ?? '').slice(0, 40));
    if (!(await limits.allow(req, code))) {
      page(res, 429, ['Please wait a moment', 'Please try again in a few minutes.'], undefined, opts.hsts);
      return;
    }
    const outcome = code ? await stop.stop(code) : 'unknown';
    if (outcome === 'unknown') {
      page(
        res,
        404,
        ['We could not find this survey', 'Please check the link in your invitation.'],
        undefined,
        opts.hsts,
      );
      return;
    }
    page(res, 200, PAGES[outcome], code, opts.hsts);
  });
}

function page(
  res: Response,
  status: number,
  [title, text]: readonly [string, string],
  code: string | undefined,
  hsts: boolean,
): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  });
  const back = code
    ? `<p>Your link still works: you can answer the survey at any time before it expires.</p><p><a href="/survey/${code}">Back to the survey</a></p>`
    : '';
  res.end(
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="/static/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/static/survey.css"></head><body><main><div class="notice" role="status"><h2>${title}</h2><p>${text}</p>${back}</div></main></body></html>`,
  );
}
