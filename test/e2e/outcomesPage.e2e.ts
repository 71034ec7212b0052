import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { loadDemoDataIfEmpty } from '../../src/demo/demoData.js';
import { createLogger } from '../../src/config/logger.js';
import { BotHarness } from '../support/botHarness.js';
import { launchBrowser, localOnlyPage, screenshot } from './support/browser.js';
import { expectAccessible, pause } from './support/person.js';

/**
 * The public /outcomes page as a Local Offer site embeds it, and the board pack a manager opens, in headless
 * Chromium: the demo data's published figures (what a fresh `npm start` shows), no script, axe-core 0
 * serious or critical. Looked at as a person would: read, scrolled, framed.
 */
describe('the public outcomes page and the board pack page (headless Chromium)', function () {
  this.timeout(300_000);
  let bot: BotHarness;
  let browser: Browser;

  /**
   * The page's CSP sandboxes it (no script may run in it, whoever frames it), which also stops the test's own
   * probes and axe-core from running inside it: as TESTING-NOTES.md says for the family page, the test's
   * context bypasses CSP. The headers themselves are checked as sent.
   */
  async function probedPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, bypassCSP: true });
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort();
    });
    return context.newPage();
  }

  before(async () => {
    bot = await BotHarness.start({ today: '2026-12-07', env: { LOG_LEVEL: 'error' } });
    await loadDemoDataIfEmpty(bot.product, createLogger('silent'));
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  it('/outcomes: the published figures with their charts and tables, nothing else, accessible', async () => {
    const page = await probedPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    const res = await page.goto(`${bot.baseUrl}/outcomes`);
    expect(res?.status()).to.equal(200);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).to.include("default-src 'none'").and.include('sandbox').and.not.include('frame-ancestors');
    expect(res?.headers()['x-frame-options']).to.equal(undefined);
    await pause(page, 800);
    // Every outcome's scores (the demo marks them public), each chart an image named by its title.
    for (const name of ['Voice', 'Progress', 'Health', 'Support', 'Safe', 'Future'])
      expect(
        await page.getByRole('img', { name: new RegExp(`^${name}: average score out of 5`) }).count(),
        name,
      ).to.equal(1);
    const images = await page.getByRole('img').count();
    expect(images).to.be.at.least(6);
    expect(await page.getByRole('table').count()).to.equal(images);
    // Not marked public by the demo: never shown.
    expect(await page.content()).not.to.include('Complaints about SEND services');
    expect(scripts).to.deep.equal([]);
    await screenshot(page, 'outcomes-page-top');
    await page.mouse.wheel(0, 1400);
    await pause(page, 500);
    await screenshot(page, 'outcomes-page-scrolled');
    await expectAccessible(page, '/outcomes');
    await page.context().close();
  });

  it('/outcomes embedded in a frame on another page still shows', async () => {
    const page = await probedPage();
    // The Local Offer's page, served by the test from this machine (the local bot refuses other sites' pages,
    // src/http/localOnly.ts, and Chromium keeps public pages off loopback); a deployed bot is framed by the
    // council's own site.
    const body = `<!doctype html><html lang="en"><head><title>Local Offer</title></head><body><main><h1>Local Offer</h1><iframe title="How we are doing" src="${bot.baseUrl}/outcomes" width="900" height="700"></iframe></main></body></html>`;
    const localOffer = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(body);
    });
    await new Promise<void>((resolve) => localOffer.listen(0, '127.0.0.1', resolve));
    try {
      await page.goto(`http://127.0.0.1:${(localOffer.address() as AddressInfo).port}/`);
      const frame = page.frameLocator('iframe');
      expect(await frame.getByRole('heading', { level: 1 }).textContent()).to.include(
        'How we are doing for children and young people with SEND',
      );
      await pause(page, 500);
      await screenshot(page, 'outcomes-page-framed');
    } finally {
      await page.context().close();
      localOffer.close();
    }
  });

  it('the board pack page: the link a manager is given, readable, accessible', async () => {
    const link = await bot.services.boardPacks.link(
      bot.services.boardPacks.resolve({ kind: 'term', term: { kind: 'current' } })!,
      'e2e-manager',
    );
    const page = await localOnlyPage(browser);
    const res = await page.goto(link.url.replace(/^https?:\/\/[^/]+/, bot.baseUrl));
    expect(res?.status()).to.equal(200);
    expect(res?.headers()['x-frame-options']).to.equal('DENY');
    await pause(page, 800);
    expect(await page.getByRole('heading', { level: 2, name: 'Scorecard by outcome' }).count()).to.equal(1);
    await screenshot(page, 'board-pack-top');
    await page.getByRole('heading', { level: 2, name: 'Outcome scores over time' }).scrollIntoViewIfNeeded();
    await pause(page, 500);
    await screenshot(page, 'board-pack-charts');
    await expectAccessible(page, 'board pack');
    const pdf = await page.request.get(link.pdfUrl.replace(/^https?:\/\/[^/]+/, bot.baseUrl));
    expect(pdf.headers()['content-type']).to.equal('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).to.equal('%PDF-');
    await page.context().close();
  });
});
