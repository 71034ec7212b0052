import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { SurveyService } from '../features/survey/surveyService.js';
import { fromRoot } from '../config/projectPaths.js';
import type { DirectLineTokens } from './directLineTokens.js';
import { FamilyPageLimits } from './familyPageLimits.js';
import { STOP_PLACEHOLDER, stopRemindersForm, type StopReminders } from './stopReminders.js';

const publicDir = fromRoot('src', 'http', 'public');
/**
 * Web Chat's browser bundle. In development it is read from the installed package (its exports hide its files,
 * so from the folder); the production build copies it to dist/vendor/ (`npm run build`), so the runtime image
 * needs neither the package nor the ~400 MB of React and speech libraries it depends on.
 */
const webChatBundles = [
  fromRoot('node_modules', 'botframework-webchat', 'dist', 'webchat.js'),
  fromRoot('dist', 'vendor', 'webchat.js'),
];

function findWebChatBundle(): string {
  const found = webChatBundles.find((file) => existsSync(file));
  if (!found)
    throw new Error(
      "The family page needs Web Chat's browser bundle, and it is missing: run `npm ci` (development) or " +
        '`npm run build` (production, copies it to dist/vendor/webchat.js), or set FAMILY_PAGE=off.',
    );
  return found;
}
const pageTemplate = readFileSync(path.join(publicDir, 'survey.html'), 'utf8');

const NOTICES = {
  malformed: [
    'This link is not complete',
    'Please check you copied the whole link from your invitation, or type the code from it to the bot.',
  ],
  unknown: [
    'We could not find this survey',
    'Please check the link in your invitation. If it still does not work, ask your practitioner for a new one.',
  ],
  replaced: [
    'This link has been replaced',
    'Your practitioner has sent a newer link. Please use that one — anything you already answered has been kept.',
  ],
  expired: [
    'This invitation has expired',
    'Please ask your practitioner for a new link. Anything you already answered has been kept.',
  ],
  completed: ['This survey is complete — thank you', 'There is nothing more to do. Your answers have been saved.'],
  busy: [
    'Please wait a moment',
    'There have been a lot of requests from your connection. Please try again in a few minutes.',
  ],
  switchedOff: [
    'This link is not available here',
    'Please type the code from your invitation to the bot in Microsoft Teams, or ask your practitioner how to take part.',
  ],
} as const;

const tokenRequest = z.object({ code: z.string().min(1).max(40) });

/**
 * The family web page: GET /survey/<code> opens Web Chat straight into that invitation's survey;
 * POST /api/directline/token gives the page a conversation token (the secret stays on the server).
 * Requests are limited per address, and an unknown or expired code gets a friendly page, not an error.
 */
export function registerFamilyPage(
  server: Server,
  deps: {
    survey: SurveyService;
    tokens: DirectLineTokens;
    directLineOrigin: () => string;
    publicBaseUrl: string;
    trustedProxyHops: number;
    /** FAMILY_PAGE=off: no page, token or page scripts; the faces stay, as Teams cards show them. */
    enabled: boolean;
    /** "Stop reminders" on the page, when reminders are sent (see stopReminders.ts). */
    stopReminders?: StopReminders;
  },
): void {
  const limits = new FamilyPageLimits(deps.trustedProxyHops);
  // Served over https (production): browsers are told to never use plain http for this site again.
  const hsts = deps.publicBaseUrl.startsWith('https://');
  const assetOrigin = new URL(deps.publicBaseUrl).origin;
  const notice = (res: Response, status: number, kind: keyof typeof NOTICES) => sendNotice(res, status, kind, hsts);

  registerCardPictures(server);
  // The page's icon; a browser also asks for /favicon.ico on its own (a bare 404 otherwise).
  for (const route of ['/static/favicon.svg', '/favicon.ico'])
    server.get(route, async (_req: Request, res: Response) =>
      sendFile(res, path.join(publicDir, 'favicon.svg'), 'image/svg+xml'),
    );
  server.get('/static/survey.css', async (_req: Request, res: Response) =>
    sendFile(res, path.join(publicDir, 'survey.css'), 'text/css; charset=utf-8'),
  );
  if (!deps.enabled) {
    // A family may still hold a link: they are told where to go instead of meeting a bare 404.
    server.get('/survey/:code', async (_req: Request, res: Response) => notice(res, 404, 'switchedOff'));
    return;
  }

  server.get('/survey/:code', async (req: Request, res: Response) => {
    const code = String(req.params.code ?? '').slice(0, 40);
    if (!(await limits.allow(req, code))) return notice(res, 429, 'busy');
    const check = await deps.survey.checkLink(code);
    if (check !== 'ok') return notice(res, check === 'completed' ? 200 : 404, check);
    const config = JSON.stringify({ code: code.toUpperCase() }).replace(/</g, '\\u003c');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      ...securityHeaders({ directLineOrigin: deps.directLineOrigin(), assetOrigin, hsts }),
    });
    const stop = deps.stopReminders && (await deps.stopReminders.offers(code)) ? stopRemindersForm(code) : '';
    res.end(pageTemplate.replace('{{CONFIG}}', config).replace(STOP_PLACEHOLDER, stop));
  });

  server.post('/api/directline/token', async (req: Request, res: Response) => {
    const parsed = tokenRequest.safeParse(req.body);
    if (!(await limits.allow(req, parsed.success ? parsed.data.code : undefined)))
      return reply(res, 429, { message: 'Too many requests; please try again in a few minutes.' });
    if (!parsed.success) return reply(res, 400, { message: 'Send the survey code as {"code": "..."}.' });
    if ((await deps.survey.checkLink(parsed.data.code)) !== 'ok')
      return reply(res, 404, { message: 'This survey link is not valid any more.' });
    try {
      const token = await deps.tokens.issue();
      // The new conversation is bound to the invitation before the browser sends anything.
      if (token.conversationId) await deps.survey.bindLink(token.conversationId, parsed.data.code);
      res.header('cache-control', 'no-store');
      return reply(res, 200, token);
    } catch {
      return reply(res, 503, { message: 'The survey could not be opened just now. Please try again shortly.' });
    }
  });

  // Found when the page is set up, so a build without it refuses to start rather than serve a blank page.
  const webChatBundle = findWebChatBundle();
  server.get('/static/webchat.js', async (_req: Request, res: Response) =>
    sendFile(res, webChatBundle, 'text/javascript; charset=utf-8'),
  );
  server.get('/static/survey.js', async (_req: Request, res: Response) =>
    sendFile(res, path.join(publicDir, 'survey.js'), 'text/javascript; charset=utf-8'),
  );
}

/** The answer faces are public pictures (no personal data), referenced by cards in Teams and Web Chat. */
function registerCardPictures(server: Server): void {
  server.get('/static/faces/:file', async (req: Request, res: Response) => {
    const file = /^face-[1-5]\.png$/.exec(String(req.params.file ?? ''))?.[0];
    if (!file) return reply(res, 404, { message: 'Not found' });
    return sendFile(res, path.join(publicDir, 'faces', file), 'image/png');
  });
}

/** Sends JSON and returns nothing (restify warns when an async handler returns a value). */
function reply(res: Response, status: number, body: unknown): void {
  res.send(status, body);
}

function sendNotice(res: Response, status: number, kind: keyof typeof NOTICES, hsts: boolean): void {
  const [title, text] = NOTICES[kind];
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    ...securityHeaders({ directLineOrigin: '', hsts }),
  });
  res.end(
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><link rel="icon" href="/static/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/static/survey.css"></head><body><main><div class="notice"><h2>${title}</h2><p>${text}</p></div></main></body></html>`,
  );
}

function sendFile(res: Response, file: string, type: string): void {
  res.writeHead(200, { 'content-type': type, 'cache-control': 'public, max-age=3600' });
  createReadStream(file).pipe(res);
}

/** `assetOrigin`: the public base URL's origin, where the cards' face pictures come from. */
function securityHeaders({
  directLineOrigin,
  assetOrigin = '',
  hsts,
}: {
  directLineOrigin: string;
  assetOrigin?: string;
  hsts: boolean;
}): Record<string, string> {
  const connect = ["'self'", directLineOrigin, 'https://*.botframework.com', 'wss://*.botframework.com']
    .filter(Boolean)
    .join(' ');
  return {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' ${assetOrigin} data: blob:; connect-src ${connect}; frame-ancestors 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}
