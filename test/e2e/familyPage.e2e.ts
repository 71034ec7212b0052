import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { BotHarness } from '../support/botHarness.js';
import { launchBrowser, localOnlyPage, screenshot } from './support/browser.js';

/**
 * A parent carer answers on the family web page: Web Chat (from the npm package) over the local Direct
 * Line, with Action.Submit; they leave half-way, come back to the same link, and finish.
 */
describe('family web page with Web Chat (headless Chromium)', function () {
  this.timeout(240_000);
  let bot: BotHarness;
  let browser: Browser;
  let page: Page;
  let link: string;

  before(async () => {
    bot = await BotHarness.start({ localDirectLine: true, env: { LOG_LEVEL: 'error' } });
    const invite = await bot.services.invitationService.invite('AR-4004', 'pc', 'e2e');
    if (invite.kind !== 'created') throw new Error('no invitation');
    link = `${bot.baseUrl}/survey/${invite.code}`;
    browser = await launchBrowser();
  });
  afterEach(async function () {
    // Keep what the browser showed when a test failed, for the artifacts.
    if (this.currentTest?.state === 'failed' && page && !page.isClosed()) await screenshot(page, `failed-webchat-${Date.now()}`);
  });

  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  const chosen = new Map<string, string>();
  const LABELS = ['5 – Strongly agree', '4 – Agree', '3 – Neither agree nor disagree', '2 – Disagree', '1 – Strongly disagree', 'Prefer not to say'];

  async function fillSection(k: number): Promise<void> {
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: `Section ${k} of 7` }).last();
    await card.waitFor({ timeout: 60_000 });
    if (k < 7) {
      // Web Chat's renderer does not group the radios, so each question's six options are taken in order.
      const radios = card.getByRole('radio');
      const questions = (await radios.count()) / LABELS.length;
      expect(Number.isInteger(questions) && questions > 0, 'six options per question').to.equal(true);
      for (let i = 0; i < questions; i++) {
        const choice = (k + 2 * i) % LABELS.length;
        const radio = radios.nth(i * LABELS.length + choice);
        expect(await radio.getAttribute('aria-label') ?? (await radio.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''))).to.include(LABELS[choice]!.slice(0, 3));
        await radio.check();
        chosen.set(`${k}.${i + 1}`, LABELS[choice]!);
      }
    } else {
      await card.getByRole('textbox').nth(1).fill('there are unplanned changes');
    }
    await card.getByRole('button', { name: k < 7 ? 'Save and continue' : 'Save and finish' }).click();
  }

  async function answerSection(k: number): Promise<void> {
    // Web Chat may re-render a card as later activities arrive, clearing what was ticked before the
    // press; a person would simply press again, and a repeated save is stored once, so the test does too.
    for (let attempt = 1; ; attempt++) {
      await fillSection(k);
      try {
        await page.getByText(`(section ${k} of 7)`).first().waitFor({ timeout: 20_000 });
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        await screenshot(page, `retry-webchat-section-${k}-${attempt}`);
      }
    }
  }

  it('opens straight into the survey, survives leaving half-way, and stores the answers exactly as clicked', async () => {
    page = await localOnlyPage(browser);
    await page.goto(link);
    for (let k = 1; k <= 3; k++) await answerSection(k);
    await screenshot(page, 'webchat-parent-section-3-saved');
    await page.close();

    // Coming back to the same link later: straight to section 4.
    page = await localOnlyPage(browser);
    await page.goto(link);
    await page.locator('.ac-adaptiveCard').filter({ hasText: 'Section 4 of 7' }).last().waitFor({ timeout: 60_000 });
    await screenshot(page, 'webchat-parent-resumed');
    for (let k = 4; k <= 7; k++) await answerSection(k);
    const done = page.getByText(/Thank you — that.s everything/).first();
    await done.waitFor({ timeout: 60_000 });
    await done.scrollIntoViewIfNeeded();
    await screenshot(page, 'webchat-parent-complete');

    const rows = await bot.services.respondents.answerRows('AR-4004', 'pc');
    expect(rows).to.have.length(21 + 6);
    const sections = ['voice', 'progress', 'health', 'support', 'safe', 'future'];
    for (const [key, label] of chosen) {
      const [k, n] = key.split('.').map(Number) as [number, number];
      const row = rows.find((r) => r.questionId === `${sections[k - 1]}.pc.${n}`)!;
      if (label === 'Prefer not to say') expect(row.skipped, key).to.equal(true);
      else expect(row.score, key).to.equal(Number(label[0]));
    }
    expect(rows.find((r) => r.questionId === 'text.pc.2')?.text).to.equal('there are unplanned changes');
    expect(rows.find((r) => r.questionId === 'text.pc.1')?.skipped).to.equal(true);
  });

  it('shows a friendly page for a link that does not work', async () => {
    page = await localOnlyPage(browser);
    const res = await page.goto(`${bot.baseUrl}/survey/ZZZZZZZZ22`);
    expect(res?.status()).to.equal(404);
    await page.getByText('We could not find this survey').waitFor();
    await screenshot(page, 'webchat-unknown-link');
  });
});
