import type { Request, Response, Server } from 'restify';
import type { LegalText } from '../domain/legal/legalText.js';
import { htmlText } from '../domain/text/safeText.js';
import { longDate } from '../domain/dates.js';

export type LegalPages = { privacy: string; terms: string };

/** Both pages, made once: the text does not change while the bot runs. */
export function legalPages(text: LegalText, values: { invitationTtlDays: number }): LegalPages {
  const fill = (s: string) =>
    htmlText(
      s
        .replaceAll('{organisation}', text.organisation)
        .replaceAll('{invitationDays}', String(values.invitationTtlDays)),
    );
  const page = (which: 'privacy' | 'terms') => {
    const p = text[which];
    const sections = p.sections
      .map(
        (s) =>
          `<section><h2>${htmlText(s.heading)}</h2>${(s.paragraphs ?? []).map((x) => `<p>${fill(x)}</p>`).join('')}${
            s.list ? `<ul>${s.list.map((x) => `<li>${fill(x)}</li>`).join('')}</ul>` : ''
          }</section>`,
      )
      .join('\n');
    const c = text.contact;
    const contact = [
      `<p>${htmlText(c.name)}, ${htmlText(text.organisation)}</p>`,
      `<p>Email: <a href="mailto:${htmlText(c.email)}">${htmlText(c.email)}</a></p>`,
      c.phone ? `<p>Phone: ${htmlText(c.phone)}</p>` : '',
      c.address ? `<p>Post: ${htmlText(c.address)}</p>` : '',
    ].join('');
    return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlText(p.title)} – SEND and AP Outcomes Framework</title>
<style>
body{font-family:system-ui,Segoe UI,Arial,sans-serif;color:#1b1b1b;background:#fff;max-width:46rem;margin:1.5rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}.updated{color:#505050}
a{color:#005ea5}a:focus{outline:3px solid #fd0;outline-offset:2px}nav a{margin-right:1.5rem}
footer{margin-top:2.5rem;border-top:2px solid #1b1b1b;padding-top:.5rem}
</style></head>
<body>
<header><nav aria-label="Privacy and terms"><a href="/privacy">Privacy notice</a><a href="/terms">Terms of use</a></nav></header>
<main>
<h1>${htmlText(p.title)}</h1>
<p>${fill(p.summary)}</p>
<p class="updated">Last updated ${htmlText(longDate(text.updated))}</p>
${sections}
<section><h2>Contact</h2>${contact}</section>
</main>
<footer><p>SEND and AP Outcomes Framework, run by ${htmlText(text.organisation)}.</p></footer>
</body></html>`;
  };
  return { privacy: page('privacy'), terms: page('terms') };
}

/** GET /privacy and /terms, which the Teams manifest links to. Plain HTML: nothing can run in them. */
export function registerLegalPages(server: Server, pages: LegalPages): void {
  for (const which of ['privacy', 'terms'] as const)
    server.get(`/${which}`, async (_req: Request, res: Response): Promise<void> => {
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'public, max-age=3600',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      });
      res.end(pages[which]);
    });
}
