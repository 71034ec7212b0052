import { expect } from 'chai';
import { sectionOrder } from '../../src/features/survey/domain/sections.js';
import { BotHarness, cards, texts, type ChatUser } from '../support/botHarness.js';

/**
 * The printable page of a review's answers over HTTP with real Azurite: GET /reviews/print behind the signed
 * link answers 200 with an HTML page under a strict content security policy, 404 for a changed link and 410
 * once it has expired. It stays here because those are the HTTP route's status codes and headers, for
 * answers a family gave through the endpoint into Table Storage. Who may see the answers, in which chats,
 * the recorded views and what the page and the link's checks give are held on the fakes by
 * test/unit/reviews/reviewAnswers.test.ts.
 */
describe("a review's printable page behind its signed link (HTTP endpoint, real Azurite)", function () {
  this.timeout(120_000);
  let bot: BotHarness;
  const INVITER = 'dddddddd-0000-0000-0000-000000000001';
  let inviter: ChatUser;
  // What a parent carer might type: markdown, HTML, a mention, an ampersand, quotes, two lines.
  const WORDS =
    'He does best with **routine** & <b>quiet</b> [time](https://example.org) _alone_ #1\n<at>Everyone</at> "really" 50% <script>alert(1)</script>';

  const say = async (user: ChatUser, text: string) => {
    const { activities } = await user.say(text);
    return { text: texts(activities).join('\n'), cards: cards(activities) };
  };

  before(async () => {
    bot = await BotHarness.start();
    await bot.stores.roles.set(INVITER, ['practitioner'], 'test');
    inviter = bot.user({ aadObjectId: INVITER, name: 'Ian Inviter' });
    const invited = await say(inviter, 'invite review AR-1042 parent');
    const code = /code ([A-Z0-9-]{12})/.exec(invited.text)![1]!.replace(/-/g, '');
    // The parent carer answers every section in Web Chat; the first prompt gets the tricky words.
    const family = bot.user({ channelId: 'directline' });
    let replies = (await family.say(code)).activities;
    for (const [k] of sectionOrder(bot.seeds.bank).entries()) {
      const card = cards(replies).at(-1)!;
      const answers: Record<string, string> = {};
      for (const id of Object.keys(card.actions[0].data).length ? inputIds(card) : []) {
        if (id.startsWith('text.')) answers[id] = id === 'text.pc.1' ? WORDS : id === 'text.pc.2' ? 'Loud rooms' : '';
        else answers[id] = id === 'voice.pc.3' ? 'skip' : String(((k + id.length) % 5) + 1);
      }
      replies = (await family.submit({ ...card.actions[0].data, ...answers })).activities;
    }
    expect(texts(replies).join(' ')).to.match(/your survey is complete/i);
  });
  after(async () => bot?.stop());

  function inputIds(card: any): string[] {
    const ids: string[] = [];
    const walk = (n: any) => {
      if (Array.isArray(n)) n.forEach(walk);
      else if (n && typeof n === 'object') {
        if (typeof n.type === 'string' && n.type.startsWith('Input.') && n.id) ids.push(n.id);
        Object.values(n).forEach(walk);
      }
    };
    walk(card.body);
    return ids;
  }

  it('opens the printable page behind its signed link, escaped; refuses a changed link; expires after 30 minutes', async () => {
    const out = await say(inviter, 'answers for AR-1042');
    const link = (out.cards[0] as any).actions.find((a: any) => a.type === 'Action.OpenUrl').url as string;
    const local = link.replace(/^https?:\/\/[^/]+/, bot.baseUrl);
    const page = await fetch(local);
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/text\/html/);
    expect(page.headers.get('content-security-policy')).to.include("default-src 'none'");
    const body = await page.text();
    expect(body).to.include("<h1>Review AR-1042: the family's answers</h1>");
    expect(body).not.to.include('<script>alert(1)</script>');
    expect(body).not.to.include('<b>quiet</b>');
    const shown = /<p class="words">([\s\S]*?)<\/p>/.exec(body)![1]!;
    const decoded = shown.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    expect(decoded).to.equal(WORDS);
    expect((await bot.stores.reviewViews.list('AR-1042')).some((v) => v.how === 'print')).to.equal(true);

    const token = new URL(local).searchParams.get('token')!;
    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    const tampered = await fetch(`${bot.baseUrl}/reviews/print?token=${encodeURIComponent(flipped)}`);
    expect(tampered.status).to.equal(404);
    expect(await tampered.text()).not.to.include('AR-1042');
    bot.clock.advanceMinutes(31);
    try {
      const late = await fetch(local);
      expect(late.status).to.equal(410);
      expect(await late.text()).to.match(/expired/);
    } finally {
      bot.clock.set(bot.clock.today());
    }
  });
});
