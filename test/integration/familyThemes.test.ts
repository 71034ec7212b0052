import { expect } from 'chai';
import { compactValue } from '../../src/features/survey/domain/respondentState.js';
import { BotHarness, cards, texts, type ChatUser } from '../support/botHarness.js';
import { loadThemeList } from '../../src/seeds/loadSeeds.js';

/**
 * What families are saying, for managers, through the HTTP endpoint with real Azurite: free text counted
 * under themes per prompt, shown only for 10 or more comments, and never a quote anywhere a manager looks
 * (chat, digest, CSV).
 */
describe('what families are saying: counted themes, never quotes (HTTP endpoint, real Azurite)', function () {
  this.timeout(120_000);
  let bot: BotHarness;
  const MANAGER = 'abababab-0000-0000-0000-000000000001';
  let manager: ChatUser;
  const TERM = '2026-27-autumn';
  // Each comment is distinctive, so a quote would be found if anything showed one.
  const comment = (i: number) => `Quote${i}: we have been waiting months for speech therapy and the support plan`;

  async function write(i: number): Promise<void> {
    const ref = `TH-${1000 + i}`;
    const text = comment(i);
    await bot.stores.respondents.mutate(ref, 'pc', () => ({
      next: {
        reviewRef: ref,
        role: 'pc',
        invitedTerm: TERM,
        sections: {
          text: {
            term: TERM,
            savedAt: 'x',
            values: { 'text.pc.2': compactValue({ skipped: false, text }, loadThemeList()) },
          },
        },
      },
      writes: [
        { questionId: 'text.pc.2', section: 'text', term: TERM, submittedOn: '2026-11-10', skipped: false, text },
      ],
      deletes: [],
    }));
  }

  const ask = async (text: string) => {
    const { activities } = await manager.say(text);
    return texts(activities).join('\n') + JSON.stringify(cards(activities));
  };

  before(async () => {
    bot = await BotHarness.start();
    await bot.stores.roles.set(MANAGER, ['manager'], 'test');
    manager = bot.user({ aadObjectId: MANAGER });
    for (let i = 1; i <= 9; i++) await write(i);
  });
  after(async () => bot?.stop());

  it('shows nothing for a prompt with 9 comments', async () => {
    const out = await ask('what are families saying about support?');
    expect(out).to.include('No prompt has 10 or more comments');
    expect(out).not.to.include('Waiting for help');
    expect(out).not.to.include('9 comments');
  });

  it('shows the counted themes once the prompt has 10, and no quote anywhere a manager looks', async () => {
    await write(10);
    const out = await ask('what are families saying about support?');
    expect(out).to.include('My child struggles when…');
    expect(out).to.include('10 comments');
    expect(out).to.match(/Waiting for help 10/);
    expect(out).to.match(/Getting the right support 10/);
    expect(out).not.to.include('Health care and therapies'); // only Support's themes were asked for
    const { reply } = await bot.services.digests.build(bot.seeds.terms.termOf('2026-11-22'));
    const digest = JSON.stringify(reply);
    expect(digest).to.include('What families are saying');
    const link = (reply.card as any).actions.find((a: any) => a.type === 'Action.OpenUrl').url as string;
    const csv = await (await fetch(link.replace(/^http:\/\/localhost:\d+/, bot.baseUrl))).text();
    for (const seen of [out, digest, csv, await ask('what are parents saying'), await ask('themes in the comments')])
      for (let i = 1; i <= 10; i++) {
        expect(seen).not.to.include(`Quote${i}`);
        expect(seen).not.to.include('waiting months');
      }
  });
});
