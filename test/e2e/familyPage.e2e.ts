import { expect } from 'chai';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { BotHarness } from '../support/botHarness.js';
import type { AnswerRow } from '../../src/features/survey/surveyStores.js';
import { launchBrowser, screenshot } from './support/browser.js';
import {
  expectAccessible,
  pause,
  topIsVisible,
  transcriptScroll,
  typeSlowly,
  watchCardRebuilds,
} from './support/person.js';

const SECTIONS = ['voice', 'progress', 'health', 'support', 'safe', 'future'];
const PC_LABELS = [
  '5 – Strongly agree',
  '4 – Agree',
  '3 – Neither agree nor disagree',
  '2 – Disagree',
  '1 – Strongly disagree',
  'Prefer not to say',
];
const FACES = ['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'];
const MISSING = /Please choose an answer, or .Prefer not to say.\./;
// 80 characters, with the kinds of character a family types.
const OWN_WORDS = "She's happiest at drama club & on Fridays when there are no surprises - thank you";

/**
 * Families on the family page: Web Chat (from the npm package) over the local Direct Line, at a person's
 * pace — reading, thinking and typing slowly — with nothing pressed twice. Accessibility is checked with
 * axe-core on every step.
 */
describe("family web page with Web Chat (headless Chromium, at a person's pace)", function () {
  this.timeout(300_000);
  let bot: BotHarness;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let posted = 0;

  before(async () => {
    bot = await BotHarness.start({ env: { LOG_LEVEL: 'error' } });
    browser = await launchBrowser();
  });
  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page && !page.isClosed())
      await screenshot(page, `failed-webchat-${Date.now()}`);
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

  /** A fresh browser at a size; counts every activity the page sends to Direct Line. */
  async function open(link: string, viewport: { width: number; height: number }): Promise<Page> {
    context = await browser.newContext({ viewport });
    await context.route('**/*', (route) => {
      const host = new URL(route.request().url()).hostname;
      return host === 'localhost' || host === '127.0.0.1' ? route.continue() : route.abort();
    });
    page = await context.newPage();
    page.on('request', (r) => {
      if (r.method() === 'POST' && /\/conversations\/[^/]+\/activities$/.test(new URL(r.url()).pathname)) posted++;
    });
    await page.goto(link);
    return page;
  }

  function card(text: string | RegExp): Locator {
    return page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
  }

  async function rows(ref: string, role: 'pc' | 'cyp'): Promise<AnswerRow[]> {
    return bot.stores.respondents.answerRows(ref, role);
  }

  it('a parent carer on a phone: ticks survive reading and slow typing, missing answers are named, and each step is one card in view', async () => {
    const link = await invite('AR-4104', 'pc');
    await open(link, { width: 390, height: 844 });
    const first = card('Section 1 of 7');
    await first.waitFor({ timeout: 60_000 });
    const rebuilds = await watchCardRebuilds(page);
    await expectAccessible(page, 'section 1');
    await pause(page, 2_000); // reads the greeting and the first question
    await screenshot(page, 'webchat-parent-phone-section-1');

    const groups = first.getByRole('radiogroup');
    expect(await groups.count()).to.equal(3);
    // Each question's options are a group named by the question; each option by its own words.
    for (const [i, q] of bot.seeds.bank.questionsFor('voice', 'pc').entries()) {
      const group = first.getByRole('radiogroup', { name: `${i + 1}. ${q.text}` });
      expect(await group.getByRole('radio', { name: PC_LABELS[1], exact: true }).count(), q.id).to.equal(1);
    }
    const tick = groups.nth(1).getByRole('radio', { name: PC_LABELS[1] });
    await tick.check();
    const scrollBefore = await transcriptScroll(page);
    await pause(page, 10_000); // looks away
    expect(await tick.isChecked(), 'the tick is still there').to.equal(true);
    expect(await tick.evaluate((el) => el === document.activeElement), 'focus stays on the tick').to.equal(true);
    expect(await transcriptScroll(page), 'the page has not scrolled').to.equal(scrollBefore);
    expect(await rebuilds(), 'no card was rebuilt while the person sat reading').to.equal(0);

    // Save with one of three answered: the message beside the two others, focus on the first, nothing sent.
    const sentBefore = posted;
    await first.getByRole('button', { name: 'Save and continue' }).click();
    await pause(page, 2_000);
    expect(await first.getByText(MISSING).count(), 'a message beside each unanswered question').to.equal(2);
    expect(posted, 'nothing was sent').to.equal(sentBefore);
    expect(
      await groups.nth(0).evaluate((g) => g.contains(document.activeElement)),
      'focus on the first unanswered question',
    ).to.equal(true);
    await expectAccessible(page, 'section 1 with missing answers');
    await screenshot(page, 'webchat-parent-phone-missing');

    const chosen = new Map<string, string>([['voice.pc.2', PC_LABELS[1]]]);
    for (const i of [0, 2]) {
      await groups.nth(i).getByRole('radio', { name: PC_LABELS[i] }).check();
      chosen.set(`voice.pc.${i + 1}`, PC_LABELS[i]);
      await pause(page, 1_000);
    }
    await first.getByRole('button', { name: 'Save and continue' }).click();

    for (let k = 2; k <= 6; k++) {
      const current = card(`Section ${k} of 7`);
      await current.waitFor({ timeout: 30_000 });
      expect(await current.innerText()).to.match(/✅ Saved: \w+ \(section \d of 7\)/);
      expect(await topIsVisible(page, current), `section ${k} is in view`).to.equal(true);
      await expectAccessible(page, `section ${k}`);
      const qs = current.getByRole('radiogroup');
      const n = await qs.count();
      for (let i = 0; i < n; i++) {
        await pause(page, 800); // reads the question
        const label = PC_LABELS[(k + 2 * i) % PC_LABELS.length];
        await qs.nth(i).getByRole('radio', { name: label }).check();
        chosen.set(`${SECTIONS[k - 1]}.pc.${i + 1}`, label);
      }
      await current.getByRole('button', { name: 'Save and continue' }).click();
    }

    const words = card('Section 7 of 7');
    await words.waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'section 7');
    const box = words.getByRole('textbox').nth(1);
    await typeSlowly(box, OWN_WORDS);
    await page.mouse.wheel(0, -400); // scrolls back to re-read
    await pause(page, 2_000);
    await page.mouse.wheel(0, 400);
    await pause(page, 10_000);
    expect(await box.inputValue(), 'every character is still there').to.equal(OWN_WORDS);
    expect(await rebuilds()).to.equal(6, 'one new card per saved step, none rebuilt');
    await words.getByRole('button', { name: 'Save and finish' }).click();

    const done = card(/Thank you — that.s everything/);
    await done.waitFor({ timeout: 30_000 });
    expect(await topIsVisible(page, done)).to.equal(true);
    await expectAccessible(page, 'the end card');
    await screenshot(page, 'webchat-parent-phone-complete');

    const stored = await rows('AR-4104', 'pc');
    expect(stored).to.have.length(21 + 6);
    for (const [questionId, label] of chosen) {
      const row = stored.find((r) => r.questionId === questionId)!;
      if (label === 'Prefer not to say') expect(row.skipped, questionId).to.equal(true);
      else expect(row.score, questionId).to.equal(Number(label[0]));
    }
    expect(stored.find((r) => r.questionId === 'text.pc.2')?.text).to.equal(OWN_WORDS);
    expect(stored.find((r) => r.questionId === 'text.pc.1')?.skipped).to.equal(true);
  });

  it('a child on a desktop taps large faces at their own pace and writes in their own words', async () => {
    const link = await invite('AR-4105', 'cyp');
    await open(link, { width: 1280, height: 900 });
    await card('Section 1 of 7').waitFor({ timeout: 60_000 });
    const rebuilds = await watchCardRebuilds(page);
    await expectAccessible(page, 'child section 1');
    await screenshot(page, 'webchat-child-desktop-faces');

    const chosen = new Map<string, string>();
    let taps = 0;
    for (let k = 1; k <= 6; k++) {
      for (let q = 1; ; q++) {
        const current = card(`Section ${k} of 7`).filter({ hasText: `Question ${q} of` });
        await current.waitFor({ timeout: 30_000 });
        const face = current.getByRole('button', { name: FACES[(k + q) % FACES.length], exact: true });
        const picture = face.locator('img');
        const size = await picture.boundingBox();
        expect(size?.width, 'a face a child can see and tap').to.be.at.least(48);
        if (q === 1) await expectAccessible(page, `child section ${k}`);
        await pause(page, 1_200); // looks at the faces
        const total = Number(/Question \d+ of (\d+)/.exec(await current.innerText())?.[1]);
        await face.click();
        taps++;
        chosen.set(`${SECTIONS[k - 1]}.cyp.${q}`, FACES[(k + q) % FACES.length]);
        if (taps === 1) {
          await card('You picked: ').waitFor({ timeout: 30_000 });
          await pause(page, 10_000);
          expect(await rebuilds(), 'one new card for the tap, none rebuilt while waiting').to.equal(1);
        }
        if (q === total) break;
      }
    }
    const words = card('Section 7 of 7');
    await words.waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'child section 7');
    const box = words.getByRole('textbox').first();
    await typeSlowly(box, OWN_WORDS);
    await page.mouse.wheel(0, -300);
    await pause(page, 10_000);
    expect(await box.inputValue()).to.equal(OWN_WORDS);
    await words.getByRole('button', { name: 'Save and finish' }).click();
    await card(/Thank you — that.s everything/).waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'child end card');
    await screenshot(page, 'webchat-child-desktop-complete');

    const stored = await rows('AR-4105', 'cyp');
    expect(stored).to.have.length(19 + 6);
    for (const [questionId, label] of chosen)
      expect(stored.find((r) => r.questionId === questionId)?.score, questionId).to.equal(5 - FACES.indexOf(label));
    expect(stored.find((r) => r.questionId === 'text.cyp.1')?.text).to.equal(OWN_WORDS);
  });

  /** Each question's read-aloud buttons (where the browser can speak) are Tab stops of their own. */
  async function tabPastReadAloud(): Promise<void> {
    for (let i = 0; i < 4 && (await page.evaluate(() => document.activeElement?.matches('.survey-read-aloud'))); i++)
      await page.keyboard.press('Tab');
  }

  it('a parent carer using only the keyboard completes the whole survey, with focus always visible', async () => {
    const link = await invite('AR-4106', 'pc');
    await open(link, { width: 1280, height: 900 });
    await card('Section 1 of 7').waitFor({ timeout: 60_000 });
    // From the top of the page, Tab reaches the survey's first question.
    for (
      let i = 0;
      i < 6 && !(await page.evaluate(() => document.activeElement?.matches('.ac-adaptiveCard input')));
      i++
    )
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).to.equal('radio');
    for (let k = 1; k <= 6; k++) {
      await card(`Section ${k} of 7`).waitFor({ timeout: 30_000 });
      await pause(page, 500);
      const n = await card(`Section ${k} of 7`).getByRole('radiogroup').count();
      for (let i = 0; i < n; i++) {
        // In a radio group: arrows move and choose; Space chooses the focused one; Tab goes to the next group.
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowDown');
        const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
        expect(outline, 'focus is visible').not.to.equal('none');
        await page.keyboard.press('Tab');
        await tabPastReadAloud();
      }
      expect(await page.evaluate(() => document.activeElement?.textContent)).to.match(/Save and continue/);
      await page.keyboard.press('Enter');
      // The next card takes focus on its first question (after the save, not before).
      await page.waitForFunction(
        (next) => document.activeElement?.closest('.ac-adaptiveCard')?.textContent?.includes(next),
        `Section ${k + 1} of 7`,
        { timeout: 30_000 },
      );
    }
    await page.keyboard.type('reading together');
    // Five more sentences to finish, each after its read-aloud button, then "Save and finish".
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      await tabPastReadAloud();
    }
    expect(await page.evaluate(() => document.activeElement?.textContent)).to.match(/Save and finish/);
    await page.keyboard.press('Enter');
    await card(/Thank you — that.s everything/).waitFor({ timeout: 30_000 });
    const stored = await rows('AR-4106', 'pc');
    expect(stored).to.have.length(21 + 6);
    expect(
      stored.filter((r) => r.score === 4),
      'ArrowDown from the first option is "4 – Agree"',
    ).to.have.length(21);
    expect(stored.find((r) => r.questionId === 'text.pc.1')?.text).to.equal('reading together');
  });

  it('comes back to the same link later and carries on where it stopped', async () => {
    const link = await invite('AR-4107', 'pc');
    await open(link, { width: 390, height: 844 });
    const first = card('Section 1 of 7');
    await first.waitFor({ timeout: 60_000 });
    const groups = first.getByRole('radiogroup');
    for (let i = 0; i < 3; i++) await groups.nth(i).getByRole('radio', { name: PC_LABELS[5] }).check();
    await first.getByRole('button', { name: 'Save and continue' }).click();
    await card('Section 2 of 7').waitFor({ timeout: 30_000 });
    await context!.close();

    await open(link, { width: 390, height: 844 });
    const resumed = card('Section 2 of 7');
    await resumed.waitFor({ timeout: 60_000 });
    expect(await resumed.innerText()).to.match(/Welcome back/);
    await screenshot(page, 'webchat-parent-resumed');
  });

  /** The card of one question of the child's faces, in a section. */
  function faces(section: number, question: number): Locator {
    return card(`Section ${section} of 7`).filter({ hasText: `Question ${question} of` });
  }

  /** Every card of one question (card() gives only the latest). */
  function allFaces(question: number): Locator {
    return page.locator('.ac-adaptiveCard').filter({ hasText: `Question ${question} of` });
  }

  function sendBox(): Locator {
    return page.getByPlaceholder('Type your message');
  }

  /** Whether a person can read an element: inside the window, below the page header, and not covered. */
  function readable(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const header = document.querySelector('header')?.getBoundingClientRect().bottom ?? 0;
      if (box.top < header || box.top >= window.innerHeight - 10) return false;
      const hit = document.elementFromPoint(box.left + 4, box.top + 4);
      return Boolean(hit && (hit === el || el.contains(hit) || hit.contains(el)));
    });
  }

  async function sectionPartial(ref: string): Promise<Record<string, number> | undefined> {
    const state = await bot.stores.respondents.read(ref, 'cyp');
    return (state as { partial?: Record<string, { values: Record<string, number> }> } | undefined)?.partial?.voice
      ?.values;
  }

  it('a child on a phone opens the link to the greeting and first question in view, focus on the card, and a favicon', async () => {
    const link = await invite('AR-4110', 'cyp');
    await open(link, { width: 375, height: 667 });
    const first = faces(1, 1);
    await first.waitFor({ timeout: 60_000 });
    await pause(page, 2_000); // the page settles while the child looks at it
    await screenshot(page, 'webchat-child-phone-open');
    expect(
      await readable(first.getByText(/^Hello! These questions are about you/)),
      'the greeting is in view',
    ).to.equal(true);
    const question = bot.seeds.bank.questionsFor('voice', 'cyp')[0].text;
    expect(await readable(first.getByText(question, { exact: true })), 'the first question is in view').to.equal(true);
    expect(
      await first.evaluate((c) => c.contains(document.activeElement) || c === document.activeElement),
      'focus is on the card',
    ).to.equal(true);
    const icon = await page.evaluate(() => document.querySelector('link[rel~="icon"]')?.getAttribute('href') ?? '');
    expect(icon, 'the page names a favicon').not.to.equal('');
    const res = await page.request.get(new URL(icon, page.url()).toString());
    expect(res.status(), 'the favicon is served').to.equal(200);
    expect(res.headers()['content-type']).to.match(/^image\//);
    await expectAccessible(page, 'child phone, first card');
  });

  it('a child who switches to numbers part way through a section finds the faces already tapped on the numbers card', async () => {
    const link = await invite('AR-4111', 'cyp');
    await open(link, { width: 390, height: 844 });
    await faces(1, 1).waitFor({ timeout: 60_000 });
    await pause(page, 2_000);
    await faces(1, 1).getByRole('button', { name: 'Agree', exact: true }).click();
    await faces(1, 2).waitFor({ timeout: 30_000 });
    await pause(page, 2_000); // reads the second question, would rather use numbers
    await faces(1, 2).getByRole('button', { name: 'Use numbers 1–5 instead' }).click();
    const numbers = card(/numbers from 1 to 5/);
    await numbers.waitFor({ timeout: 30_000 });
    await pause(page, 1_500);
    await screenshot(page, 'webchat-child-phone-numbers-kept');
    const groups = numbers.getByRole('radiogroup');
    expect(await groups.count()).to.equal(3);
    expect(
      await groups.nth(0).getByRole('radio', { name: '4 – Agree' }).isChecked(),
      'the face tapped for question 1 is ticked',
    ).to.equal(true);
    for (const i of [1, 2])
      expect(await groups.nth(i).locator('input:checked').count(), `question ${i + 1}`).to.equal(0);
    await expectAccessible(page, 'the numbers card with a kept answer');
    await groups.nth(1).getByRole('radio', { name: '5 – Strongly agree' }).check();
    await pause(page, 800);
    await groups.nth(2).getByRole('radio', { name: 'Prefer not to say' }).check();
    await pause(page, 800);
    await numbers.getByRole('button', { name: 'Save and continue' }).click();
    await card('Section 2 of 7').waitFor({ timeout: 30_000 });
    const stored = await rows('AR-4111', 'cyp');
    expect(stored.find((r) => r.questionId === 'voice.cyp.1')?.score).to.equal(4);
    expect(stored.find((r) => r.questionId === 'voice.cyp.2')?.score).to.equal(5);
    expect(stored.find((r) => r.questionId === 'voice.cyp.3')?.skipped).to.equal(true);
  });

  it('a child who tries numbers and goes back to faces before answering them all keeps what they ticked', async () => {
    const link = await invite('AR-4119', 'cyp');
    await open(link, { width: 390, height: 844 });
    await faces(1, 1).waitFor({ timeout: 60_000 });
    await pause(page, 1_500);
    await faces(1, 1).getByRole('button', { name: 'Agree', exact: true }).click();
    await faces(1, 2).waitFor({ timeout: 30_000 });
    await pause(page, 1_500);
    await faces(1, 2).getByRole('button', { name: 'Use numbers 1–5 instead' }).click();
    const numbers = card(/numbers from 1 to 5/);
    await numbers.waitFor({ timeout: 30_000 });
    await pause(page, 1_500); // reads the numbers card
    await numbers.getByRole('radiogroup').nth(1).getByRole('radio', { name: '2 – Disagree' }).check();
    await pause(page, 1_200); // would rather have the faces back, with question 3 not answered yet
    await numbers.getByRole('button', { name: 'Use faces instead' }).click();
    await faces(1, 3).waitFor({ timeout: 30_000 });
    await expectAccessible(page, 'faces again after numbers');
    await faces(1, 3).getByRole('button', { name: 'Strongly agree', exact: true }).click();
    await card('Section 2 of 7').waitFor({ timeout: 30_000 });
    const stored = await rows('AR-4119', 'cyp');
    expect(stored.find((r) => r.questionId === 'voice.cyp.1')?.score).to.equal(4);
    expect(stored.find((r) => r.questionId === 'voice.cyp.2')?.score, 'ticked on the numbers card').to.equal(2);
    expect(stored.find((r) => r.questionId === 'voice.cyp.3')?.score).to.equal(5);
  });

  it('a child who types in the middle of a section gets an answer and keeps their place', async () => {
    const link = await invite('AR-4112', 'cyp');
    await open(link, { width: 390, height: 844 });
    await faces(1, 1).waitFor({ timeout: 60_000 });
    await pause(page, 2_000);
    await faces(1, 1).getByRole('button', { name: 'Strongly agree', exact: true }).click();
    await faces(1, 2).waitFor({ timeout: 30_000 });
    const rebuilds = await watchCardRebuilds(page);
    await pause(page, 2_000);
    const box = sendBox();
    const said: [string, RegExp][] = [
      ['hello', /You.re on question 2 of 3/],
      ['what does EHCP mean?', /Education, Health and Care plan/],
      ['I want to stop', /same link/],
    ];
    for (const [text, answer] of said) {
      await typeSlowly(box, text);
      await pause(page, 500);
      await box.press('Enter');
      await page.getByText(answer).last().waitFor({ timeout: 30_000 });
      await pause(page, 2_500); // reads the answer
    }
    await screenshot(page, 'webchat-child-phone-typed');
    expect(await rebuilds(), 'no card was sent again or rebuilt').to.equal(0);
    expect(await page.getByText(/Your earlier answers are saved/).count(), 'not sent back to the start').to.equal(0);
    expect(await sectionPartial('AR-4112'), 'the face tapped is kept').to.deep.equal({ 'voice.cyp.1': 5 });
    await faces(1, 2).getByRole('button', { name: 'Disagree', exact: true }).click();
    await faces(1, 3).waitFor({ timeout: 30_000 });
    await pause(page, 1_500);
    await faces(1, 3).getByRole('button', { name: 'Agree', exact: true }).click();
    await card('Section 2 of 7').waitFor({ timeout: 30_000 });
    const stored = await rows('AR-4112', 'cyp');
    expect(stored.map((r) => [r.questionId, r.score])).to.deep.include.members([
      ['voice.cyp.1', 5],
      ['voice.cyp.2', 2],
      ['voice.cyp.3', 4],
    ]);
  });

  it('a double tap is one answer and one next card, and an earlier card changes nothing but says so', async () => {
    const link = await invite('AR-4113', 'cyp');
    await open(link, { width: 390, height: 844 });
    await faces(1, 1).waitFor({ timeout: 60_000 });
    await pause(page, 2_000);
    const agree = faces(1, 1).getByRole('button', { name: 'Agree', exact: true });
    const at = await agree.boundingBox();
    await agree.dblclick(); // a child's double tap
    await faces(1, 2).waitFor({ timeout: 30_000 });
    await pause(page, 5_000);
    expect(await allFaces(2).count(), 'one next card').to.equal(1);
    // The pointer has not moved: nothing on the new card looks chosen under it.
    const under = await page.evaluate(
      ({ x, y }) => {
        const el = document.elementFromPoint(x, y)?.closest('[role="button"]');
        return el ? getComputedStyle(el).backgroundColor : 'none';
      },
      { x: at!.x + at!.width / 2, y: at!.y + at!.height / 2 },
    );
    expect(under, 'no face is highlighted under a still pointer').to.be.oneOf(['none', 'rgba(0, 0, 0, 0)']);
    await screenshot(page, 'webchat-child-phone-after-double-tap');
    expect(await sectionPartial('AR-4113')).to.deep.equal({ 'voice.cyp.1': 4 });

    await pause(page, 2_000);
    // Goes back to the first card and taps it; it is shown as done (aria-disabled), which a person can still tap.
    await allFaces(1).getByRole('button', { name: 'Disagree', exact: true }).click({ force: true });
    await page
      .getByText(/already answered/i)
      .last()
      .waitFor({ timeout: 30_000 });
    await pause(page, 2_000);
    expect(await allFaces(2).count(), 'no new card').to.equal(1);
    expect(await allFaces(3).count()).to.equal(0);
    expect(await sectionPartial('AR-4113'), 'the first answer is unchanged').to.deep.equal({ 'voice.cyp.1': 4 });
    await expectAccessible(page, 'a used card and the latest card');
    await faces(1, 2).getByRole('button', { name: 'Neither agree nor disagree', exact: true }).click();
    await faces(1, 3).waitFor({ timeout: 30_000 });
    await pause(page, 3_000);
    expect(await allFaces(3).count()).to.equal(1);
    expect(await sectionPartial('AR-4113')).to.deep.equal({ 'voice.cyp.1': 4, 'voice.cyp.2': 3 });
  });

  it('a child who closes the page mid-section and comes back on another device keeps the faces tapped', async () => {
    const link = await invite('AR-4114', 'cyp');
    await open(link, { width: 390, height: 844 });
    await faces(1, 1).waitFor({ timeout: 60_000 });
    await pause(page, 2_000);
    await faces(1, 1).getByRole('button', { name: 'Disagree', exact: true }).click();
    await faces(1, 2).waitFor({ timeout: 30_000 });
    await pause(page, 2_000);
    await faces(1, 2).getByRole('button', { name: 'Strongly agree', exact: true }).click();
    await faces(1, 3).waitFor({ timeout: 30_000 });
    await pause(page, 1_000);
    await context!.close(); // closes the page

    await open(link, { width: 1280, height: 900 }); // later, on a computer
    const back = faces(1, 3);
    await back.waitFor({ timeout: 60_000 });
    expect(await back.innerText()).to.match(/Welcome back/);
    await pause(page, 2_000);
    await back.getByRole('button', { name: 'Agree', exact: true }).click();
    await card('Section 2 of 7').waitFor({ timeout: 30_000 });
    const stored = await rows('AR-4114', 'cyp');
    expect(stored.map((r) => [r.questionId, r.score])).to.deep.include.members([
      ['voice.cyp.1', 2],
      ['voice.cyp.2', 5],
      ['voice.cyp.3', 4],
    ]);
  });

  it('a parent carer on a phone who saves with a question missing sees that question, not hidden under the header', async () => {
    const link = await invite('AR-4115', 'pc');
    await open(link, { width: 390, height: 844 });
    const first = card('Section 1 of 7');
    await first.waitFor({ timeout: 60_000 });
    await pause(page, 2_000);
    const groups = first.getByRole('radiogroup');
    await groups.nth(0).getByRole('radio', { name: PC_LABELS[1] }).check();
    await pause(page, 1_000);
    await groups.nth(2).getByRole('radio', { name: PC_LABELS[0] }).check();
    await pause(page, 1_000);
    await first.getByRole('button', { name: 'Save and continue' }).click();
    await pause(page, 2_000);
    expect(await groups.nth(1).evaluate((g) => g.contains(document.activeElement)), 'focus on question 2').to.equal(
      true,
    );
    const label = page.locator(`[id="${await groups.nth(1).getAttribute('aria-labelledby')}"]`);
    await screenshot(page, 'webchat-parent-phone-missing-middle');
    expect(await readable(label), 'the focused question is readable').to.equal(true);
  });

  it('shows a friendly page for a link that does not work', async () => {
    await open(`${bot.baseUrl}/survey/ZZZZZZZZ22`, { width: 390, height: 844 });
    await page.getByText('We could not find this survey').waitFor();
    await expectAccessible(page, 'the unknown-link page');
    await screenshot(page, 'webchat-unknown-link');
  });

  it('publishes "you said, we did" as a plain public page: accessible, no personal data', async () => {
    for (const [outcome, youSaid, weDid] of [
      [
        'support',
        'Waiting for speech and language therapy took too long',
        'We funded two more therapists and a weekly drop-in',
      ],
      ['safe', 'School transport felt unsafe', 'We added trained escorts on three routes'],
      ['voice', 'Reviews did not ask what children think', 'Every review now starts with the child’s own page'],
    ] as const) {
      const saved = await bot.services.youSaid.save(
        { outcome, youSaid, weDid },
        'ffffffff-0000-0000-0000-00000000e2e0',
      );
      expect(saved.kind).to.equal('saved');
    }
    page = await open(`${bot.baseUrl}/you-said-we-did`, { width: 390, height: 844 });
    await page.getByRole('heading', { name: 'You said, we did', level: 1 }).waitFor();
    // A person reads it: headings by outcome, each change under what was said.
    await page.waitForTimeout(1500);
    const text = await page.locator('main').innerText();
    expect(text).to.include('Support: ');
    expect(text).to.include('We did: We added trained escorts on three routes');
    expect(text).not.to.include('ffffffff-0000-0000-0000-00000000e2e0');
    expect(text).not.to.match(/\bAR-\d+/);
    expect(await page.locator('script').count()).to.equal(0);
    await expectAccessible(page, 'the public "you said, we did" page');
    await screenshot(page, 'you-said-we-did-phone');
  });
});
