import { expect } from 'chai';
import type { StaffRole } from '../../../src/domain/access/roles.js';
import type { Reply } from '../../../src/ports/messages.js';
import { REVIEW_REFUSAL } from '../../../src/features/reviews/reviewAnswersPresenter.js';
import { reviewPrintHtml } from '../../../src/features/reviews/reviewPrintPresenter.js';
import { sectionOrder } from '../../../src/features/survey/domain/sections.js';
import {
  ADMIN,
  FAMILY,
  FakeTurn,
  fakeWorld,
  MANAGER,
  PRACTITIONER,
  type FakeWorld,
} from '../../support/fakes/fakeWorld.js';

/**
 * A review's own answers for the review meeting, on the fakes (the product's routes, services and presenters
 * on in-memory stores, driven through the router as the channel layer would): the practitioner who invited
 * the family sees every answer and the family's own words exactly as written; nobody else learns whether the
 * review exists; never in a team channel; every view is recorded and only administrators see who viewed; the
 * printable page behind the signed link is escaped, refuses a changed link and expires. How the HTTP route
 * answers those links (status codes, headers) is held by test/integration/reviewAnswers.test.ts.
 */
describe("a review's own answers for its practitioner (unit, on the fakes)", () => {
  const INVITER = 'dddddddd-0000-0000-0000-000000000001';
  const OTHER = 'dddddddd-0000-0000-0000-000000000002';
  const MANAGER_ID = 'dddddddd-0000-0000-0000-000000000003';
  const ADMIN_ID = 'dddddddd-0000-0000-0000-000000000004';
  // What a parent carer might type: markdown, HTML, a mention, an ampersand, quotes, two lines.
  const WORDS =
    'He does best with **routine** & <b>quiet</b> [time](https://example.org) _alone_ #1\n<at>Everyone</at> "really" 50% <script>alert(1)</script>';
  let w: FakeWorld;

  type Opts = { conversationId?: string; channel?: 'msteams' | 'directline'; conversationType?: 'channel' };
  /** What the channel sends for the replies: each one's text (a card's summary), and the cards. */
  const shown = (replies: Reply[]) => ({
    text: replies.map((r) => r.text).join('\n'),
    cards: replies.filter((r) => r.card).map((r) => ({ ...r.card!, fallbackText: r.fullText ?? r.text }) as any),
  });
  const say = async (roles: StaffRole[], userId: string, text: string, opts: Opts = {}) => {
    const turn = new FakeTurn(roles, { conversationId: `chat-${userId}`, ...opts, text, userId });
    await w.router.routeText(turn);
    return shown(turn.said);
  };
  const inviter = (text: string, opts?: Opts) => say(PRACTITIONER, INVITER, text, opts);

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

  beforeEach(async () => {
    w = fakeWorld({ today: '2026-11-22' });
    // The channel layer keeps the name Teams gives a member of staff with their 1:1 chat's address.
    const address = new FakeTurn(PRACTITIONER, { userId: INVITER, conversationId: `chat-${INVITER}` }).address;
    await w.addressBook.rememberPerson(INVITER, address, 'Ian Inviter');
    const invited = await inviter('invite review AR-1042 parent');
    const code = /code ([A-Z0-9-]{12})/.exec(invited.text)![1]!.replace(/-/g, '');
    // The parent carer answers every section in Web Chat; the first prompt gets the tricky words.
    const family = (opts: { text?: string; value?: Record<string, unknown> }) =>
      new FakeTurn(FAMILY, { ...opts, userId: 'family-1', conversationId: 'family-chat', channel: 'directline' });
    const first = family({ text: code });
    await w.router.routeText(first);
    let replies = first.said;
    for (const [k] of sectionOrder(w.bank).entries()) {
      const card = shown(replies).cards.at(-1)!;
      const answers: Record<string, string> = {};
      for (const id of Object.keys(card.actions[0].data).length ? inputIds(card) : []) {
        if (id.startsWith('text.')) answers[id] = id === 'text.pc.1' ? WORDS : id === 'text.pc.2' ? 'Loud rooms' : '';
        else answers[id] = id === 'voice.pc.3' ? 'skip' : String(((k + id.length) % 5) + 1);
      }
      const turn = family({ value: { ...card.actions[0].data, ...answers } });
      const outcome = await w.router.routeCard(turn);
      replies = [...(outcome?.replaceWith ? [outcome.replaceWith] : []), ...turn.said];
    }
    expect(shown(replies).text).to.match(/your survey is complete/i);
  });

  it('shows the inviting practitioner every answer and the own words exactly as written', async () => {
    const out = await inviter('answers for AR-1042');
    expect(out.cards).to.have.length(2); // the answers, then the parent carer's own words
    const answers = JSON.stringify(out.cards[0]);
    expect(answers).to.include("Review AR-1042: the family's answers");
    expect(answers).to.include('The parent carer');
    expect(answers).to.include('Skipped (chose not to answer)');
    expect(answers).to.match(/"[1-5] · (Strongly disagree|Disagree|Neither agree nor disagree|Agree|Strongly agree)"/);
    expect(answers).to.include('Print for the review meeting');
    const words = out.cards[1];
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
    const askers: [string, StaffRole[], string, Opts][] = [
      ['another practitioner', PRACTITIONER, OTHER, {}],
      ['a manager', MANAGER, MANAGER_ID, {}],
      ['a family', FAMILY, 'family-2', { channel: 'directline' }],
    ];
    for (const [who, roles, userId, opts] of askers)
      for (const ref of ['AR-1042', 'AR-9999']) {
        const out = await say(roles, userId, `answers for ${ref}`, opts);
        expect(out.text, `${who} ${ref}`).to.equal(REVIEW_REFUSAL);
        expect(out.cards).to.have.length(0);
      }
    expect(await w.reviewViews.list('AR-1042')).to.have.length(0); // the refused looks were not views
  });

  it('never shows a review in a team channel or group chat, even to the inviting practitioner', async () => {
    const out = await inviter('answers for AR-1042', {
      conversationId: '19:team@thread.tacv2',
      conversationType: 'channel',
    });
    expect(out.text).to.match(/only in your own 1:1 chat/);
    expect(out.cards).to.have.length(0);
    expect(await w.reviewViews.list('AR-1042')).to.have.length(0);
  });

  it('records every view, and tells administrators (only) who viewed a review', async () => {
    expect((await inviter('answers for AR-1042')).cards).to.have.length(2);
    await say(PRACTITIONER, OTHER, 'answers for AR-1042');
    await say(MANAGER, MANAGER_ID, 'answers for AR-1042');
    const views = await w.reviewViews.list('AR-1042');
    expect(views.map((v) => v.viewer)).to.include(INVITER);
    expect(views.every((v) => v.viewer === INVITER)).to.equal(true); // the refused looks were not views
    const adminSees = await say(ADMIN, ADMIN_ID, 'who viewed AR-1042');
    // By the name Teams gave the inviter (kept with their address), never by the id the log keeps.
    expect(adminSees.text).to.include('Ian Inviter (in chat)');
    expect(adminSees.text).not.to.include(INVITER);
    expect((await inviter('who viewed AR-1042')).text).to.match(/only administrators/);
    // An administrator may read the answers too, and that view is recorded as theirs.
    expect((await say(ADMIN, ADMIN_ID, 'answers for AR-1042')).cards).to.have.length(2);
    expect((await w.reviewViews.list('AR-1042')).map((v) => v.viewer)).to.include(ADMIN_ID);
  });

  it('gives the printable page behind its signed link, escaped; refuses a changed link; expires after 30 minutes', async () => {
    const out = await inviter('answers for AR-1042');
    const link = out.cards[0].actions.find((a: any) => a.type === 'Action.OpenUrl').url as string;
    const token = new URL(link).searchParams.get('token')!;
    // What GET /reviews/print does with the link's token (src/http/reviewPrintPage.ts, src/compositionRoot.ts).
    const printed = await w.reviews.forPrintLink(token);
    if (printed.kind !== 'answers') throw new Error(`refused: ${printed.why}`);
    const body = reviewPrintHtml(printed.answers, w.clock.today());
    expect(body).to.include("<h1>Review AR-1042: the family's answers</h1>");
    expect(body).not.to.include('<script>alert(1)</script>');
    expect(body).not.to.include('<b>quiet</b>');
    const words = /<p class="words">([\s\S]*?)<\/p>/.exec(body)![1]!;
    const decoded = words.replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)));
    expect(decoded).to.equal(WORDS);
    expect((await w.reviewViews.list('AR-1042')).some((v) => v.how === 'print')).to.equal(true);

    const flipped = token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    expect(await w.reviews.forPrintLink(flipped)).to.deep.equal({ kind: 'refused', why: 'invalid' });
    w.clock.advanceMinutes(31);
    expect(await w.reviews.forPrintLink(token)).to.deep.equal({ kind: 'refused', why: 'expired' });
  });
});
