import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { JSDOM } from 'jsdom';
import type { Server } from 'restify';
import { fromRoot } from '../../../src/config/projectPaths.js';
import { ConfigError, loadConfig } from '../../../src/config/config.js';
import { loadLegalText } from '../../../src/seeds/loadSeeds.js';
import { legalPages, registerLegalPages } from '../../../src/http/legalPages.js';
import { createHttpServer, listen } from '../../../src/http/server.js';
import { buildManifest, LOCAL_BOT_ID, LOCAL_TEAMS_APP_ID } from '../../../src/manifest/buildManifest.js';

const SEED = fromRoot('seeds', 'legal.json');

function writeJson(value: unknown): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'send-legal-')), 'legal.json');
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

/** The privacy notice and terms the Teams manifest links to: plain, accessible HTML, the area's words as data. */
describe('privacy and terms pages', function () {
  this.timeout(10_000);
  let server: Server;
  let base: string;
  const seed = JSON.parse(readFileSync(SEED, 'utf8')) as Record<string, unknown>;
  // An organisation whose name carries markup: it must be shown as text.
  const text = loadLegalText(writeJson({ ...seed, organisation: 'Northshire <b>SEND</b> & AP Partnership' }));

  before(async () => {
    server = createHttpServer({ localOnly: false });
    registerLegalPages(server, legalPages(text, { invitationTtlDays: 45 }));
    await listen(server, 0, '127.0.0.1');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('serves both pages the manifest links to', async () => {
    const manifest = buildManifest({
      teamsAppId: LOCAL_TEAMS_APP_ID,
      botId: LOCAL_BOT_ID,
      publicBaseUrl: 'https://outcomes.example.org',
    }) as { developer: { privacyUrl: string; termsOfUseUrl: string } };
    for (const url of [manifest.developer.privacyUrl, manifest.developer.termsOfUseUrl]) {
      const res = await fetch(`${base}${new URL(url).pathname}`);
      expect(res.status, url).to.equal(200);
    }
  });

  for (const page of ['/privacy', '/terms']) {
    it(`${page}: HTML with a CSP that runs nothing, no script, one h1, a language and landmarks`, async () => {
      const res = await fetch(`${base}${page}`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('text/html; charset=utf-8');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).to.include("default-src 'none'");
      expect(csp).not.to.match(/script-src/);
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      const html = await res.text();
      expect(html).not.to.match(/<script|\son\w+=|javascript:/i);
      const { document } = new JSDOM(html).window;
      expect(document.documentElement.lang).to.equal('en-GB');
      expect(document.title).to.match(/\S/);
      expect(document.querySelectorAll('h1')).to.have.length(1);
      expect(document.querySelectorAll('main')).to.have.length(1);
      expect(document.querySelectorAll('header')).to.have.length(1);
      expect(document.querySelectorAll('footer')).to.have.length(1);
      // Headings go down one level at a time.
      const levels = [...document.querySelectorAll('h1, h2, h3')].map((h) => Number(h.tagName[1]));
      levels.forEach((level, i) => i > 0 && expect(level).to.be.at.most(levels[i - 1] + 1));
      // The organisation is shown as text, never as markup.
      expect(document.querySelector('h1')?.textContent).to.match(/\S/);
      expect(document.body.textContent).to.include('Northshire <b>SEND</b> & AP Partnership');
      expect(document.querySelector('b')).to.equal(null);
      // Both pages say who to contact, and link to each other.
      expect(document.querySelector('a[href^="mailto:"]')?.textContent).to.include('@');
      expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include.members([
        '/privacy',
        '/terms',
      ]);
    });
  }

  it('says what this product does with personal data', async () => {
    const { document } = new JSDOM(await (await fetch(`${base}/privacy`)).text()).window;
    const words = (document.body.textContent ?? '').replace(/\s+/g, ' ');
    for (const fact of [
      /names, dates of birth or NHS numbers/i,
      /practitioner who (made|sent) your invitation/i,
      /administrators/i,
      /fewer than 5/i,
      /10 or more/i,
      /recorded/i,
      /45 days/, // the invitation lifetime, from configuration
      /delete/i,
      /worr/i,
      /999/,
      /phone number or email address/i,
    ])
      expect(words).to.match(fact);
  });

  it('refuses a legal text file that is missing, not JSON, or incomplete, naming the setting and the field', () => {
    // Read with the configuration, so the bot stops before anything starts and says which setting is wrong.
    const problem = (file: string) => {
      try {
        loadConfig({ LEGAL_TEXT_FILE: file });
      } catch (error) {
        if (error instanceof ConfigError) return error.message;
        throw error;
      }
      return '';
    };
    expect(problem('/nonexistent/legal.json')).to.match(/LEGAL_TEXT_FILE: .*could not be read/);
    expect(problem(writeJson('{ not json'))).to.match(/LEGAL_TEXT_FILE: .*not JSON/);
    expect(problem(writeJson({ ...seed, contact: { name: 'DPO', email: 'not an email' } }))).to.match(
      /LEGAL_TEXT_FILE: [^]*contact\.email/,
    );
    expect(problem(writeJson({ ...seed, privacy: undefined }))).to.match(/LEGAL_TEXT_FILE: [^]*privacy: /);
    const withUnknown = JSON.parse(JSON.stringify(seed)) as { terms: { sections: { paragraphs: string[] }[] } };
    withUnknown.terms.sections[0].paragraphs.push('Codes last {codeDays} days.');
    expect(problem(writeJson(withUnknown))).to.match(
      /LEGAL_TEXT_FILE: [^]*terms\.sections\.0\.paragraphs\.1: \{codeDays\} is not known/,
    );
  });

  it("reads the seed by default, and a deployment's own copy when LEGAL_TEXT_FILE names one", () => {
    expect(loadConfig({}).legal.file).to.equal(SEED);
    const own = writeJson({ ...seed, organisation: 'Northshire Council' });
    expect(loadConfig({ LEGAL_TEXT_FILE: own }).legal.text.organisation).to.equal('Northshire Council');
  });
});
