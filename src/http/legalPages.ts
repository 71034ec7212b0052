import { readFileSync } from 'node:fs';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { isRealIsoDate } from '../domain/dates.js';
import { htmlText } from '../domain/text/safeText.js';

/** Words filled in when a page is made; any other `{name}` in the text is a mistake and refuses to load. */
const PLACEHOLDERS = ['organisation', 'invitationDays'] as const;

const words = z
  .string()
  .trim()
  .min(1)
  .max(2_000)
  .superRefine((text, ctx) => {
    for (const [, name] of text.matchAll(/\{(\w*)\}/g))
      if (!(PLACEHOLDERS as readonly string[]).includes(name ?? ''))
        ctx.addIssue({
          code: 'custom',
          message: `{${name}} is not known (only ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`,
        });
  });

const pageSchema = z.object({
  title: z.string().trim().min(1).max(80),
  summary: words,
  sections: z
    .array(
      z
        .object({
          heading: z.string().trim().min(1).max(120),
          paragraphs: z.array(words).optional(),
          list: z.array(words).optional(),
        })
        .refine((s) => (s.paragraphs?.length ?? 0) + (s.list?.length ?? 0) > 0, 'a section needs paragraphs or a list'),
    )
    .min(1),
});

const legalTextSchema = z.object({
  organisation: z.string().trim().min(2).max(200),
  updated: z.string().refine(isRealIsoDate, 'must be a real date written YYYY-MM-DD'),
  contact: z.object({
    name: z.string().trim().min(1).max(120),
    email: z.email(),
    phone: z.string().trim().max(40).optional(),
    address: z.string().trim().max(300).optional(),
  }),
  privacy: pageSchema,
  terms: pageSchema,
});
export type LegalText = z.infer<typeof legalTextSchema>;

/**
 * Reads the privacy notice and terms (seeds/legal.json, or a deployment's own copy named by LEGAL_TEXT_FILE)
 * at start-up. A missing or invalid file stops the bot, naming the setting and what is wrong.
 */
export function loadLegalText(file: string): LegalText {
  const fail = (problem: string) => new Error(`LEGAL_TEXT_FILE: ${file} ${problem}`);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw fail('could not be read');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw fail('is not JSON');
  }
  const parsed = legalTextSchema.safeParse(json);
  if (!parsed.success)
    throw fail(
      `is not a valid privacy and terms text:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  return parsed.data;
}

function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

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
