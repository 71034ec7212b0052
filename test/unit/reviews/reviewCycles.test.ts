import { expect } from 'chai';
import type { StaffRole } from '../../../src/domain/access/roles.js';
import type { Reply } from '../../../src/ports/messages.js';
import { reviewPrintHtml } from '../../../src/features/reviews/reviewPrintPresenter.js';
import { rebuildAggregates } from '../../../src/features/scores/aggregatesRebuild.js';
import { sectionOrder } from '../../../src/features/survey/domain/sections.js';
import { loadThemeList } from '../../../src/seeds/loadSeeds.js';
import { FAMILY, FakeTurn, fakeWorld, PRACTITIONER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * The same review a year on: a second survey in the same year is refused; a year on a new one starts with
 * last year's links stopped; last year's answers are kept beside this year's for the review meeting (in
 * chat and on the printable page), last year's figures do not move, a rebuild from every answer row agrees,
 * and an erasure removes both years. On the fakes: the practitioner and the family chat through the
 * product's router, and the figures, rebuild and erasure are the product's services on in-memory stores.
 */
describe('the same review a year on: last year beside this year (unit, on the fakes)', () => {
  const PRACTITIONER_ID = 'acacacac-0000-0000-0000-000000000001';
  let w: FakeWorld;

  const turnOf = (roles: StaffRole[], opts: ConstructorParameters<typeof FakeTurn>[1]) => new FakeTurn(roles, opts);
  const practitioner = async (text: string) => {
    const turn = turnOf(PRACTITIONER, { text, userId: PRACTITIONER_ID, conversationId: 'practitioner-chat' });
    await w.router.routeText(turn);
    return turn.said;
  };
  const texts = (replies: Reply[]) => replies.map((r) => r.text).join('\n');

  /** The practitioner invites the parent carer of AR-6006, who answers every section in Web Chat. */
  async function surveyOnce(score: string, words: string): Promise<string> {
    const text = texts(await practitioner('invite review AR-6006 parent'));
    const code = /code ([A-Z0-9-]{12})/.exec(text)?.[1]?.replace(/-/g, '');
    expect(code, text).to.be.a('string');
    const family = (opts: { text?: string; value?: Record<string, unknown> }) =>
      turnOf(FAMILY, { ...opts, userId: `family-${code}`, conversationId: `family-${code}`, channel: 'directline' });
    await w.router.routeText(family({ text: code! }));
    let last = '';
    for (const section of sectionOrder(w.bank)) {
      const answers: Record<string, string> = {};
      if (section === 'text')
        for (const p of w.bank.promptsFor('pc')) answers[p.id] = p.id === 'text.pc.1' ? words : '';
      else for (const q of w.bank.questionsFor(section, 'pc')) answers[q.id] = score;
      const turn = family({
        value: { verb: 'survey.saveSection', code, section, bankVersion: w.bank.version, ...answers },
      });
      const outcome = await w.router.routeCard(turn);
      last = texts([...(outcome?.replaceWith ? [outcome.replaceWith] : []), ...turn.said]);
    }
    return last;
  }

  const voiceLastYear = async () => {
    const r = await w.scores.scores({
      outcome: 'voice',
      roles: ['pc'],
      terms: [{ kind: 'named', season: 'autumn', academicYear: '2025-26' }],
    });
    if (r.unknownTerm) throw new Error('no term');
    return r.results[0]!.scores[0]!;
  };
  const aYearOn = async () => {
    w.clock.set('2026-11-10');
    expect(await surveyOnce('5', 'This year: mornings are calmer')).to.match(/complete/i);
  };

  beforeEach(async () => {
    w = fakeWorld({ today: '2025-11-10' });
    expect(await surveyOnce('2', 'Last year: mornings were hard')).to.match(/complete/i);
  });

  it('refuses a second survey in the same year, and starts a new one a year on with last year kept', async () => {
    expect(texts(await practitioner('invite review AR-6006 parent'))).to.match(/already completed/i);
    const before = await voiceLastYear();
    expect(before.respondents).to.equal(1);

    const lastYearCodes = (await w.invitations.forReview('AR-6006')).map((i) => i.code);
    await aYearOn();
    // Last year's links were stopped when this year's invitation was made.
    for (const code of lastYearCodes) expect((await w.invitations.get(code))?.revokedAt).to.be.a('string');
    // Last year's figures did not move; a rebuild from every answer row agrees with the stored counters.
    expect(await voiceLastYear()).to.deep.equal(before);
    const rebuild = await rebuildAggregates(w.bank, loadThemeList(), w.respondents, w.counters);
    expect(rebuild.differences).to.deep.equal([]);
  });

  it("shows this year's answers with last year's beside them, in chat and on the printed page", async () => {
    await aYearOn();
    const [answers, words] = (await practitioner('answers for AR-6006')).filter((r) => r.card).map((r) => r.card!);
    const a = JSON.stringify(answers);
    expect(a).to.include('5 · Strongly agree');
    expect(a).to.include('2025-26: 2 · Disagree');
    expect(a).to.include("Last year's answers (2025-26) are shown under each.");
    const wds = JSON.stringify(words);
    expect(wds).to.include('This year: mornings are calmer');
    expect(wds).to.include('2025-26: Last year: mornings were hard');
    // The printed page: what GET /reviews/print gives for the card's link (src/http/reviewPrintPage.ts).
    const link = (answers!.actions as { url: string }[])[0]!.url;
    const printed = await w.reviews.forPrintLink(new URL(link).searchParams.get('token')!);
    if (printed.kind !== 'answers') throw new Error(`refused: ${printed.why}`);
    const page = reviewPrintHtml(printed.answers, w.clock.today());
    expect(page).to.include('Last year (2025-26)');
    expect(page).to.include('Last year: mornings were hard');
  });

  it('erases both years of a review', async () => {
    await aYearOn();
    const report = await w.erasure.erase('AR-6006');
    expect(report.respondents).to.equal(2);
    expect(await w.respondents.archivedRefs('AR-6006')).to.deep.equal([]);
    expect((await voiceLastYear()).respondents).to.equal(0);
  });
});
