import { expect } from 'chai';
import { rebuildAggregates } from '../../src/features/scores/aggregatesRebuild.js';
import { sectionOrder } from '../../src/features/survey/domain/sections.js';
import { BotHarness, cards, texts, type ChatUser } from '../support/botHarness.js';
import { loadThemeList } from '../../src/seeds/loadSeeds.js';

/**
 * The same review a year on, through the HTTP endpoint with real Azurite: last year's answers are kept
 * beside this year's for the review meeting, last year's figures do not move, a rebuild agrees, and an
 * erasure removes both years.
 */
describe('the same review a year on: last year beside this year (HTTP endpoint, real Azurite)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  const PRACTITIONER = 'acacacac-0000-0000-0000-000000000001';
  let practitioner: ChatUser;

  async function surveyOnce(score: string, words: string): Promise<string> {
    const { activities } = await practitioner.say('invite review AR-6006 parent');
    const text = texts(activities).join('\n');
    const code = /code ([A-Z0-9-]{12})/.exec(text)?.[1]?.replace(/-/g, '');
    expect(code, text).to.be.a('string');
    const family = bot.user({ channelId: 'directline' });
    await family.say(code!);
    let last = '';
    for (const section of sectionOrder(bot.seeds.bank)) {
      const answers: Record<string, string> = {};
      if (section === 'text')
        for (const p of bot.seeds.bank.promptsFor('pc')) answers[p.id] = p.id === 'text.pc.1' ? words : '';
      else for (const q of bot.seeds.bank.questionsFor(section, 'pc')) answers[q.id] = score;
      const { activities: replies } = await family.submit({
        verb: 'survey.saveSection',
        code,
        section,
        bankVersion: bot.seeds.bank.version,
        ...answers,
      });
      last = texts(replies).join(' ');
    }
    return last;
  }

  const voiceLastYear = async () => {
    const r = await bot.services.scores.scores({
      outcome: 'voice',
      roles: ['pc'],
      terms: [{ kind: 'named', season: 'autumn', academicYear: '2025-26' }],
    });
    if (r.unknownTerm) throw new Error('no term');
    return r.results[0]!.scores[0]!;
  };

  before(async () => {
    bot = await BotHarness.start({ today: '2025-11-10' });
    await bot.stores.roles.set(PRACTITIONER, ['practitioner'], 'test');
    practitioner = bot.user({ aadObjectId: PRACTITIONER });
    expect(await surveyOnce('2', 'Last year: mornings were hard')).to.match(/complete/i);
  });
  after(async () => bot?.stop());

  it('refuses a second survey in the same year, and starts a new one a year on with last year kept', async () => {
    const again = texts((await practitioner.say('invite review AR-6006 parent')).activities).join('\n');
    expect(again).to.match(/already completed/i);
    const before = await voiceLastYear();
    expect(before.respondents).to.equal(1);

    bot.clock.set('2026-11-10');
    const lastYearCodes = (await bot.stores.invitations.forReview('AR-6006')).map((i) => i.code);
    expect(await surveyOnce('5', 'This year: mornings are calmer')).to.match(/complete/i);
    // Last year's links were stopped when this year's invitation was made.
    for (const code of lastYearCodes) expect((await bot.stores.invitations.get(code))?.revokedAt).to.be.a('string');
    // Last year's figures did not move; a rebuild from every answer row agrees with the stored counters.
    expect(await voiceLastYear()).to.deep.equal(before);
    const rebuild = await rebuildAggregates(
      bot.seeds.bank,
      loadThemeList(),
      bot.stores.respondents,
      bot.stores.counters,
    );
    expect(rebuild.differences).to.deep.equal([]);
  });

  it("shows this year's answers with last year's beside them, in chat and on the printed page", async () => {
    const { activities } = await practitioner.say('answers for AR-6006');
    const [answers, words] = cards(activities) as any[];
    const a = JSON.stringify(answers);
    expect(a).to.include('5 · Strongly agree');
    expect(a).to.include('2025-26: 2 · Disagree');
    expect(a).to.include("Last year's answers (2025-26) are shown under each.");
    const w = JSON.stringify(words);
    expect(w).to.include('This year: mornings are calmer');
    expect(w).to.include('2025-26: Last year: mornings were hard');
    const link = answers.actions[0].url as string;
    const page = await (await fetch(link.replace(/^https?:\/\/[^/]+/, bot.baseUrl))).text();
    expect(page).to.include('Last year (2025-26)');
    expect(page).to.include('Last year: mornings were hard');
  });

  it('erases both years of a review', async () => {
    const report = await bot.services.erasure.erase('AR-6006');
    expect(report.respondents).to.equal(2);
    expect(await bot.stores.respondents.archivedRefs('AR-6006')).to.deep.equal([]);
    expect((await voiceLastYear()).respondents).to.equal(0);
  });
});
