import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { BotHarness } from '../support/botHarness.js';
import { ResponsesImport } from '../../src/imports/responsesImport.js';
import { ReferralsImport } from '../../src/imports/referralsImport.js';
import { fromRoot } from '../../src/domain/projectPaths.js';
import { launchBrowser, localOnlyPage, screenshot } from './support/browser.js';
import { startPlayground, type Playground } from './support/playground.js';

/**
 * A practitioner and a child in the Microsoft 365 Agents Playground (a real Teams-like client), driven
 * in headless Chromium. Everything runs on loopback and is stopped at the end.
 */
describe('Microsoft 365 Agents Playground (headless Chromium)', function () {
  this.timeout(240_000);
  let bot: BotHarness;
  let playground: Playground;
  let browser: Browser;
  let page: Page;

  before(async () => {
    bot = await BotHarness.start({ env: { DEV_ROLES: 'practitioner,manager' } });
    // The synthetic demo answers, so the score question has figures to show.
    await new ResponsesImport(bot.services.bank, bot.services.terms, bot.services.clock, bot.services.respondents).run(fromRoot('seeds', 'demo', 'responses.csv'), { skipInvalid: true });
    const s = bot.services;
    await new ReferralsImport(s.clock, s.waits, s.referrals, s.waitSummaries).run(fromRoot('seeds', 'demo', 'referrals-salt.csv'), { skipInvalid: true, keepRejects: false });
    playground = await startPlayground(`${bot.baseUrl}/api/messages`);
    browser = await launchBrowser();
    page = await localOnlyPage(browser);
    await page.goto(playground.url, { timeout: 60_000 });
    await page.locator('[data-lexical-editor="true"]').waitFor({ timeout: 60_000 });
  });
  afterEach(async function () {
    // Keep what the browser showed when a test failed, for the artifacts.
    if (this.currentTest?.state === 'failed' && page && !page.isClosed()) await screenshot(page, `failed-playground-${Date.now()}`);
  });

  after(async () => {
    await browser?.close();
    await playground?.stop();
    await bot?.stop();
  });

  async function say(text: string): Promise<void> {
    const before = await page.locator('.fai-OutputCard').count();
    const box = page.locator('[data-lexical-editor="true"]');
    await box.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.fai-OutputCard').length > n, before, { timeout: 30_000 });
  }

  async function lastOutputs(n = 2): Promise<string> {
    return (await page.locator('.fai-OutputCard').allInnerTexts()).slice(-n).join('\n');
  }

  it('answers a practitioner: help, an invitation and an outcome-score question', async () => {
    await say('help');
    await page.getByText('What I can do', { exact: false }).first().waitFor();
    expect(await lastOutputs()).to.include('invite review AR-1042 parent');
    await screenshot(page, 'playground-help');

    await say('invite review AR-2002 child');
    await page.waitForFunction(() => /code [A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{2}/.test(document.body.innerText), undefined, { timeout: 30_000 });
    expect(await lastOutputs()).to.match(/Invitation for review AR-2002/);
    await screenshot(page, 'playground-invite');

    await say('how are we doing on kept safe this term?');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Safe: outcome scores' }).last();
    await card.waitFor({ timeout: 30_000 });
    expect(await card.innerText()).to.match(/CYP[\s\S]*\d\.\d · \d+% positive · n \d+/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'playground-scores');
  });

  it('answers a waiting-time question with the as-of date, the target and the rating, and names what it has for an unknown service', async () => {
    await say("what's the wait for speech and language therapy right now?");
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Speech and language therapy (SALT): waiting times' }).last();
    await card.waitFor({ timeout: 30_000 });
    const text = await card.innerText();
    expect(text).to.match(/As of 22 November 2026/);
    expect(text).to.match(/(Green|Amber|Red): /);
    expect(text).to.match(/Median wait\s+\d+\.\d weeks/);
    expect(text).to.match(/Target: 92% first seen/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'playground-waits');

    await say('how long is the wait for physio?');
    await page.getByText('I have no figures for "physio"', { exact: false }).last().waitFor({ timeout: 30_000 });
    expect(await lastOutputs(1)).to.match(/I have waiting times for: Speech and language therapy \(SALT\)/);
  });

  it('shows the termly digest card (chart or its fallback, tables, CSV link) and subscribes a manager', async () => {
    await say('preview the digest');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: 'Termly digest: 2026-27 Autumn' }).last();
    await card.waitFor({ timeout: 30_000 });
    const text = await card.innerText();
    expect(text).to.match(/Outcomes: mean score by who answered/);
    expect(text).to.match(/Waiting times against targets/);
    expect(text).to.match(/Speech and language therapy \(SALT\)/);
    expect(text).to.match(/Survey response rate/);
    expect(text).to.match(/Download the figures \(CSV\)/);
    await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'playground-digest');
    await card.evaluate((el) => el.scrollIntoView({ block: 'end' }));
    await screenshot(page, 'playground-digest-end');

    await say('subscribe to the termly digest');
    await page.getByText('subscribed to the termly digest', { exact: false }).last().waitFor({ timeout: 30_000 });
    expect((await bot.services.subscriptions.list()).length).to.equal(1);
  });

  it("completes a child's survey with faces, each card replaced in place by Action.Execute", async () => {
    const invite = await bot.services.invitationService.invite('AR-3003', 'cyp', 'e2e');
    if (invite.kind !== 'created') throw new Error('no invitation');
    await say(invite.displayCode);
    const chosen: Record<string, string> = {};
    for (let k = 1; k <= 7; k++) {
      const card = page.locator('.ac-adaptiveCard').filter({ hasText: `Section ${k} of 7` }).last();
      await card.waitFor({ timeout: 30_000 });
      if (k < 7) {
        const groups = card.getByRole('radiogroup');
        const count = await groups.count();
        for (let i = 0; i < count; i++) {
          // Alternate between faces and "Prefer not to say", by their visible labels.
          const label = i === 1 ? 'Prefer not to say' : ['😄 Strongly agree', '🙂 Agree', '😐 Not sure', '🙁 Disagree'][(k + i) % 4]!;
          await groups.nth(i).getByRole('radio', { name: label }).check();
          chosen[`${k}.${i}`] = label;
        }
      } else {
        await card.getByRole('textbox').first().fill('drama club');
      }
      if (k === 1) await screenshot(page, 'playground-child-section-1');
      await card.getByRole('button', { name: k < 7 ? 'Save and continue' : 'Save and finish' }).click();
      // The pressed card is replaced in place by the "saved" summary.
      await page.locator('.ac-adaptiveCard').filter({ hasText: `✅ Saved` }).filter({ hasText: `section ${k} of 7` }).first().waitFor({ timeout: 30_000 });
    }
    await page.getByText("Thank you — that's everything").first().waitFor({ timeout: 30_000 });
    await screenshot(page, 'playground-child-complete');
    const rows = await bot.services.respondents.answerRows('AR-3003', 'cyp');
    expect(rows).to.have.length(19 + 6);
    const text = rows.find((r) => r.questionId === 'text.cyp.1');
    expect(text?.text).to.equal('drama club');
    const scores: Record<string, number> = { '😄 Strongly agree': 5, '🙂 Agree': 4, '😐 Not sure': 3, '🙁 Disagree': 2 };
    const sections = ['voice', 'progress', 'health', 'support', 'safe', 'future'];
    for (const [key, label] of Object.entries(chosen)) {
      const [k, i] = key.split('.').map(Number) as [number, number];
      const row = rows.find((r) => r.questionId === `${sections[k - 1]}.cyp.${i + 1}`)!;
      if (label === 'Prefer not to say') expect(row.skipped, key).to.equal(true);
      else expect(row.score, key).to.equal(scores[label]);
    }
  });
});
