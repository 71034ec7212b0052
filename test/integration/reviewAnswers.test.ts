import { expect } from 'chai';
import { sectionOrder } from '../../src/features/survey/domain/sections.js';
import { BotHarness, cards, texts, type ChatUser } from '../support/botHarness.js';
import { REVIEW_REFUSAL } from '../../src/features/reviews/reviewAnswersPresenter.js';

/**
 * A review's own answers for the review meeting, through the HTTP endpoint with real Azurite: the
 * practitioner who invited the family sees every answer and the family's own words exactly as written;
 * nobody else learns whether the review exists; every view is recorded; the printable link is signed and
 * expires.
 */
describe("a review's own answers for its practitioner (HTTP endpoint, real Azurite)", function () {
  this.timeout(120_000);
  let bot: BotHarness;
  const INVITER = 'dddddddd-0000-0000-0000-000000000001';
  const OTHER = 'dddddddd-0000-0000-0000-000000000002';
  const MANAGER = 'dddddddd-0000-0000-0000-000000000003';
  const ADMIN = 'dddddddd-0000-0000-0000-000000000004';
  let inviter: ChatUser;
  // What a parent carer might type: markdown, HTML, a mention, an ampersand, quotes, two lines.
  const WORDS =
    'He does best with **routine** & <b>quiet</b> [time](https://example.org) _alone_ #1\n<at>Everyone</at> "really" 50% <script>alert(1)</script>';
  const given: Record<string, string> = {};

  const say = async (user: ChatUser, text: string) => {
    const { activities } = await user.say(text);
    return { text: texts(activities).join('\n'), cards: cards(activities) };
  };

  before(async () => {
    bot = await BotHarness.start();
    for (const [id, role] of [
      [INVITER, 'practitioner'],
      [OTHER, 'practitioner'],
      [MANAGER, 'manager'],
      [ADMIN, 'admin'],
    ] as const)
      await bot.stores.roles.set(id, [role], 'test');
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
      Object.assign(given, answers);
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

  /** Undoes the chat escaping (backslash before a markdown character, &lt; &gt; &amp;) to compare with what was typed. */
  const unescapeChat = (s: string) =>
    s.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

  it('shows the inviting practitioner every answer and the own words exactly as written', async () => {
    const out = await say(inviter, 'answers for AR-1042');
    expect(out.cards).to.have.length(2); // the answers, then the parent carer's own words
    const answers = JSON.stringify(out.cards[0]);
    expect(answers).to.include("Review AR-1042: the family's answers");
    expect(answers).to.include('The parent carer');
    expect(answers).to.include('Skipped (chose not to answer)');
    expect(answers).to.match(/"[1-5] · (Strongly disagree|Disagree|Neither agree nor disagree|Agree|Strongly agree)"/);
    expect(answers).to.include('Print for the review meeting');
    const words = out.cards[1] as any;
    const blocks = words.body.flatMap((b: any) => b.items ?? []).map((i: any) => i.text as string);
    const first = blocks[blocks.indexOf('My child does best when') + 1] as string;
    // Each line escaped (no markdown, no HTML, no mention), and nothing lost: undone, it is what was typed.
    expect(first).not.to.include('<b>');
    expect(first).not.to.include('**routine**');
    expect(first.split('\n\n').map(unescapeChat).join('\n')).to.equal(WORDS);
    expect(blocks).to.include('Loud rooms');
    expect(blocks).to.include('Skipped');
  });

  it('refuses another practitioner, a manager and a family the same way, for a real review and a made-up one', async () => {
    const askers = [
      bot.user({ aadObjectId: OTHER }),
      bot.user({ aadObjectId: MANAGER }),
      bot.user({ channelId: 'directline' }),
    ];
    for (const asker of askers)
      for (const ref of ['AR-1042', 'AR-9999']) {
        const out = await say(asker, `answers for ${ref}`);
        expect(out.text, `${asker.aadObjectId ?? 'family'} ${ref}`).to.equal(REVIEW_REFUSAL);
        expect(out.cards).to.have.length(0);
      }
  });

  it('never shows a review in a team channel or group chat, even to the inviting practitioner', async () => {
    const before = (await bot.stores.reviewViews.list('AR-1042')).length;
    const { activities } = await inviter.say('answers for AR-1042', {
      conversation: { id: '19:team@thread.tacv2', conversationType: 'channel' },
    });
    expect(texts(activities).join('\n')).to.match(/only in your own 1:1 chat/);
    expect(cards(activities)).to.have.length(0);
    expect((await bot.stores.reviewViews.list('AR-1042')).length).to.equal(before);
  });

  it('records every view, and tells administrators (only) who viewed a review', async () => {
    const views = await bot.stores.reviewViews.list('AR-1042');
    expect(views.map((v) => v.viewer)).to.include(INVITER);
    expect(views.every((v) => v.viewer === INVITER)).to.equal(true); // the refused looks were not views
    const admin = bot.user({ aadObjectId: ADMIN });
    const adminSees = await say(admin, 'who viewed AR-1042');
    // By the name Teams gave the inviter (kept with their address), never by the id the log keeps.
    expect(adminSees.text).to.include('Ian Inviter (in chat)');
    expect(adminSees.text).not.to.include(INVITER);
    expect((await say(inviter, 'who viewed AR-1042')).text).to.match(/only administrators/);
    // An administrator may read the answers too, and that view is recorded as theirs.
    expect((await say(admin, 'answers for AR-1042')).cards).to.have.length(2);
    expect((await bot.stores.reviewViews.list('AR-1042')).map((v) => v.viewer)).to.include(ADMIN);
  });

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
