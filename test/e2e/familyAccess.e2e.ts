import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { BotHarness } from '../support/botHarness.js';
import { launchBrowser, screenshot } from './support/browser.js';
import { expectAccessible, pause } from './support/person.js';

type Spoken = { text: string; lang: string; voice: string };
/** Web Chat's markdown curls the apostrophe of a choice's label (don’t); a button keeps it straight. */
const UNCLEAR = /^I don.t understand this question$/;

/** A browser without speech synthesis. */
const NO_SPEECH = `Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });`;
/**
 * Speech synthesis with one British English voice on the device, recording what it is asked to say (the text,
 * the language and the voice) instead of saying it.
 */
const RECORDED_SPEECH = `(function () {
  var spoken = [];
  window.__spoken = spoken;
  var voice = { name: 'On-device British English', lang: 'en-GB', localService: true, default: true };
  function Utterance(text) { this.text = text; this.lang = ''; this.voice = null; }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    value: {
      getVoices: function () { return [voice]; },
      cancel: function () {},
      addEventListener: function () {},
      speak: function (u) { spoken.push({ text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : '' }); },
    },
  });
})();`;

/**
 * Easy read, read aloud and "I don't understand this question" on the family page (Web Chat over the local
 * Direct Line, headless Chromium), at a person's pace and never pressing anything twice. The browser's speech
 * synthesis is replaced by a recorder, so the test hears what a family would hear without a sound card.
 */
describe('family page: easy read, read aloud and "I don\'t understand" (headless Chromium, at a person\'s pace)', function () {
  this.timeout(300_000);
  let bot: BotHarness;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let offMachine: string[] = [];

  before(async () => {
    bot = await BotHarness.start({ env: { LOG_LEVEL: 'error' } });
    browser = await launchBrowser();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page && !page.isClosed())
      await screenshot(page, `failed-access-${Date.now()}`);
    await context?.close();
    context = undefined;
  });
  after(async () => {
    await browser?.close();
    await bot?.stop();
  });

  async function invite(ref: string, role: 'pc' | 'cyp'): Promise<string> {
    const made = await bot.services.invitationService.invite(ref, role, 'e2e');
    if (made.kind !== 'created') throw new Error('no invitation');
    return `${bot.baseUrl}/survey/${made.code}`;
  }

  /**
   * A fresh browser (another device) at a size. `speech`: a recorder stands in for the browser's speech
   * synthesis with one voice on the device; `none`: a browser without speech synthesis.
   */
  async function open(link: string, viewport: { width: number; height: number }, speech: 'recorder' | 'none') {
    context = await browser.newContext({ viewport, bypassCSP: true });
    offMachine = [];
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return route.continue();
      offMachine.push(url.href);
      return route.abort();
    });
    // A string, not a function: the test runner's compiler would add helpers the page does not have.
    await context.addInitScript({ content: speech === 'none' ? NO_SPEECH : RECORDED_SPEECH });
    page = await context.newPage();
    await page.goto(link);
    return page;
  }

  function card(text: string | RegExp): Locator {
    return page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
  }
  function faces(section: number, question: number): Locator {
    return card(`Section ${section} of 7`).filter({ hasText: `Question ${question} of` });
  }
  /** What would have been said; Web Chat's markdown curls apostrophes (don’t), which read the same aloud. */
  async function spoken(): Promise<Spoken[]> {
    const said = await page.evaluate(() => (window as unknown as { __spoken: Spoken[] }).__spoken.slice());
    return said.map((s) => ({ ...s, text: s.text.replace(/’/g, "'") }));
  }

  it('a child on a phone hears the question and its answers, chooses easy read, says who is answering, and says they do not understand', async () => {
    const bank = bot.seeds.bank;
    const [q1, q2] = bank.questionsFor('voice', 'cyp');
    const link = await invite('AR-5101', 'cyp');
    await open(link, { width: 390, height: 844 }, 'recorder');
    const first = faces(1, 1);
    await first.waitFor({ timeout: 60_000 });
    await pause(page, 2_000); // looks at the first question
    await screenshot(page, 'access-child-phone-first');
    await expectAccessible(page, 'child first card with read aloud and who is answering');

    // The keyboard reaches "Read question aloud" from the card, and Enter reads it.
    const readQuestion = first.getByRole('button', { name: 'Read question aloud' });
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press('Tab');
      await pause(page, 300);
      reached = await readQuestion.evaluate((b) => b === document.activeElement);
    }
    expect(reached, 'Tab reaches the read-aloud button').to.equal(true);
    await page.keyboard.press('Enter');
    await pause(page, 1_500); // listens
    await first.getByRole('button', { name: 'Read answers aloud' }).click();
    await pause(page, 3_000);
    const heard = await spoken();
    expect(heard).to.have.length(2);
    expect(heard[0]).to.deep.equal({
      text: `Question 1 of 3. ${q1!.text}`,
      lang: 'en-GB',
      voice: 'On-device British English',
    });
    expect(heard[1]!.text).to.equal(
      "Strongly agree. Agree. Neither agree nor disagree. Disagree. Strongly disagree. Or: Prefer not to say. Or: I don't understand this question.",
    );

    // Who is answering (optional, asked once), then easy read: one tap.
    await first.getByRole('radio', { name: 'Me, with help from someone' }).check();
    await pause(page, 1_500);
    await screenshot(page, 'access-child-phone-who-is-answering');
    await first.getByRole('button', { name: 'Easy read', exact: true }).click();
    const easy = card(/easy read from now on/);
    await easy.waitFor({ timeout: 30_000 });
    await pause(page, 2_000);
    await screenshot(page, 'access-child-phone-easy-read');
    expect(await easy.getByText(q1!.easyRead!.text, { exact: true }).count(), 'the easy-read words').to.equal(1);
    expect(await easy.getByText(q1!.text, { exact: true }).count(), 'not the framework words').to.equal(0);
    expect(await easy.getByRole('radiogroup').count(), 'who is answering is asked once').to.equal(0);
    await expectAccessible(page, 'child easy-read card');
    await easy.getByRole('button', { name: 'Read question aloud' }).click();
    await pause(page, 2_000);
    expect((await spoken()).at(-1)!.text).to.equal(`Question 1 of 3. ${q1!.easyRead!.text}`);

    // "I don't understand this question" is an answer: the next question follows, and says what was picked.
    await easy.getByRole('button', { name: "I don't understand this question" }).click();
    const next = faces(1, 2);
    await next.waitFor({ timeout: 30_000 });
    await pause(page, 1_500);
    expect((await next.innerText()).replace(/’/g, "'")).to.contain("You picked: I don't understand this question.");
    const state = await bot.stores.respondents.read('AR-5101', 'cyp');
    expect(state?.partial?.voice?.values).to.deep.equal({ [q1!.id]: -1 });
    expect(state?.easyRead).to.equal(true);
    expect(state?.whoAnswered).to.equal('withHelp');

    // Another device later: still easy read, at question 2.
    await context!.close();
    await open(link, { width: 1280, height: 900 }, 'recorder');
    const again = faces(1, 2);
    await again.waitFor({ timeout: 60_000 });
    await pause(page, 2_000);
    await screenshot(page, 'access-child-desktop-easy-read-resumed');
    expect(await again.getByText(q2!.easyRead!.text, { exact: true }).count(), 'easy read remembered').to.equal(1);
    await expectAccessible(page, 'child resumed on a desktop');
    expect(offMachine, 'nothing left the machine (no network voice, no font)').to.deep.equal([]);
  });

  it('a parent carer at a desktop answers "I don\'t understand this question" on the numbers card and it is kept as that', async () => {
    const bank = bot.seeds.bank;
    const ids = bank.questionsFor('voice', 'pc');
    const link = await invite('AR-5102', 'pc');
    await open(link, { width: 1280, height: 900 }, 'recorder');
    const first = card('Section 1 of 7');
    await first.waitFor({ timeout: 60_000 });
    await pause(page, 2_000);
    const groups = first.getByRole('radiogroup');
    expect(await groups.count()).to.equal(3);
    await first.getByRole('button', { name: 'Read answers aloud for question 2' }).click();
    await pause(page, 2_000);
    expect((await spoken())[0]!.text).to.equal(
      "5 – Strongly agree. 4 – Agree. 3 – Neither agree nor disagree. 2 – Disagree. 1 – Strongly disagree. Prefer not to say. I don't understand this question.",
    );
    await groups.nth(0).getByRole('radio', { name: '4 – Agree' }).check();
    await pause(page, 1_000);
    await groups.nth(1).getByRole('radio', { name: UNCLEAR }).check();
    await pause(page, 1_000);
    // Easy read part way through: what is ticked is kept on the easy-read card.
    await first.getByRole('button', { name: 'Easy read', exact: true }).click();
    const easy = card(/easy read from now on/);
    await easy.waitFor({ timeout: 30_000 });
    await pause(page, 2_000);
    await screenshot(page, 'access-parent-desktop-easy-read');
    const easyGroups = easy.getByRole('radiogroup');
    expect(await easyGroups.nth(0).getByRole('radio', { name: '4 – Agree' }).isChecked()).to.equal(true);
    expect(await easyGroups.nth(1).getByRole('radio', { name: UNCLEAR }).isChecked()).to.equal(true);
    await expectAccessible(page, 'parent easy-read card');
    await easyGroups.nth(2).getByRole('radio', { name: 'Prefer not to say' }).check();
    await pause(page, 1_000);
    await easy.getByRole('button', { name: 'Save and continue' }).click();
    await card('Section 2 of 7').waitFor({ timeout: 30_000 });
    const rows = await bot.stores.respondents.answerRows('AR-5102', 'pc');
    const row = (i: number) => rows.find((r) => r.questionId === ids[i]!.id);
    expect(row(0)?.score).to.equal(4);
    expect(row(1)).to.include({ skipped: true, unclear: true });
    expect(row(2)?.skipped).to.equal(true);
    expect(row(2)?.unclear).to.equal(undefined);
  });

  it('shows no read-aloud button where the browser has no speech synthesis', async () => {
    const link = await invite('AR-5103', 'cyp');
    await open(link, { width: 390, height: 844 }, 'none');
    const first = faces(1, 1);
    await first.waitFor({ timeout: 60_000 });
    await pause(page, 2_000);
    expect(await first.getByRole('button', { name: /aloud/ }).count()).to.equal(0);
    expect(await first.getByRole('button', { name: 'Easy read', exact: true }).count()).to.equal(1);
  });
});
