import { expect } from 'chai';
import type { StaffRole } from '../../../src/domain/access/roles.js';
import type { Reply } from '../../../src/ports/messages.js';
import { sectionOrder } from '../../../src/features/survey/domain/sections.js';
import { youSaidPageHtml } from '../../../src/features/youSaid/youSaidPagePresenter.js';
import { FAMILY, FakeTurn, fakeWorld, MANAGER, PRACTITIONER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * "You said, we did", on the fakes (the product's services and routes on in-memory stores, driven through
 * the router as the channel layer would): a manager adds, changes and removes entries from cards (who and
 * when kept; personal data refused in words; a practitioner refused); the entries reach the termly digest,
 * the end card of a family who answered that outcome, and the public page's HTML. That the page is served
 * over HTTP, as HTML, is held by test/integration/youSaidWeDid.test.ts.
 */
describe('"you said, we did" (unit, on the fakes)', () => {
  const MANAGER_ID = 'ffffffff-0000-0000-0000-000000000001';
  const PRACTITIONER_ID = 'ffffffff-0000-0000-0000-000000000002';
  let w: FakeWorld;

  /** What a reply shows, as the channel sends it: its text (a card's summary) and its card with the fallback. */
  const shown = (replies: Reply[]) => ({
    text: replies.map((r) => r.text).join('\n'),
    cards: replies.filter((r) => r.card).map((r) => ({ ...r.card!, fallbackText: r.fullText ?? r.text })),
    all: JSON.stringify(replies),
  });
  const turnOf = (roles: StaffRole[], userId: string, opts: { text?: string; value?: Record<string, unknown> }) =>
    new FakeTurn(roles, { ...opts, userId, conversationId: `chat-${userId}` });
  const say = async (roles: StaffRole[], userId: string, text: string) => {
    const turn = turnOf(roles, userId, { text });
    await w.router.routeText(turn);
    return shown(turn.said);
  };
  /** A pressed card button: the card put in place of the pressed one, then what was said (as Web Chat shows them). */
  const press = async (roles: StaffRole[], userId: string, value: Record<string, unknown>) => {
    const turn = turnOf(roles, userId, { value });
    const outcome = await w.router.routeCard(turn);
    return shown([...(outcome?.replaceWith ? [outcome.replaceWith] : []), ...turn.said]);
  };
  const manager = {
    say: (text: string) => say(MANAGER, MANAGER_ID, text),
    press: (value: Record<string, unknown>) => press(MANAGER, MANAGER_ID, value),
  };
  const saved = async (entry: { outcome: string; youSaid: string; weDid: string }) => {
    const result = await w.youSaidService.save(entry, MANAGER_ID);
    if (result.kind !== 'saved') throw new Error('not saved');
    return result.entry;
  };

  beforeEach(async () => {
    w = fakeWorld({ today: '2026-11-22' });
    // The channel layer keeps the name Teams gives a member of staff with their 1:1 chat's address.
    await w.addressBook.rememberPerson(MANAGER_ID, turnOf(MANAGER, MANAGER_ID, {}).address, 'Mina Manager');
  });

  it('lets a manager add an entry, refuses personal data in words, and keeps who and when', async () => {
    expect((await manager.say('you said, we did')).all).to.include('No entries yet');
    expect((await manager.press({ verb: 'yousaid.edit' })).all).to.include('These entries are public');
    // A review reference: refused, with the form kept as typed.
    const refused = await manager.press({
      verb: 'yousaid.save',
      id: '',
      outcome: 'support',
      youSaid: 'AR-1042 waited too long',
      weDid: 'We hired more therapists',
    });
    expect(refused.all).to.include('seems to contain a review reference');
    expect(refused.all).to.include('We hired more therapists');
    expect(await w.youSaidService.current()).to.have.length(0);
    const added = await manager.press({
      verb: 'yousaid.save',
      id: '',
      outcome: 'support',
      youSaid: 'Waiting for speech and language therapy took too long',
      weDid: 'We funded two more therapists and a weekly drop-in',
    });
    expect(added.all).to.include('Added. It is public now.');
    const [entry] = await w.youSaidService.current();
    expect(entry).to.deep.include({ outcome: 'support', createdBy: MANAGER_ID });
    // Shown by the name Teams gave (kept with the manager's address), never by the id, which the entry keeps.
    expect(added.all).to.include('Added by Mina Manager');
    expect(added.all).not.to.include(`by ${MANAGER_ID}`);
    // A practitioner cannot.
    expect((await say(PRACTITIONER, PRACTITIONER_ID, 'you said we did')).text).to.match(/only managers/);
  });

  it('changes and removes an entry, keeping who did it', async () => {
    const extra = await saved({
      outcome: 'safe',
      youSaid: 'School transport felt unsafe',
      weDid: 'We added escorts on two routes',
    });
    const changed = await manager.press({
      verb: 'yousaid.save',
      id: extra.id,
      outcome: 'safe',
      youSaid: 'School transport felt unsafe',
      weDid: 'We added trained escorts on three routes',
    });
    expect(changed.all).to.include('Changed.');
    expect(await w.youSaidService.get(extra.id)).to.deep.include({
      weDid: 'We added trained escorts on three routes',
      updatedBy: MANAGER_ID,
    });
    const gone = await saved({
      outcome: 'voice',
      youSaid: 'Nobody asked our views',
      weDid: 'We started a parent panel',
    });
    const removed = await manager.press({ verb: 'yousaid.remove', id: gone.id });
    expect(removed.all).to.include('Removed.');
    expect(removed.all).not.to.include('Nobody asked our views');
    expect((await w.youSaidService.get(gone.id))!.removedBy).to.equal(MANAGER_ID);
  });

  describe('where the entries are shown', () => {
    beforeEach(async () => {
      await saved({
        outcome: 'support',
        youSaid: 'Waiting for speech and language therapy took too long',
        weDid: 'We funded two more therapists and a weekly drop-in',
      });
      const safe = await saved({
        outcome: 'safe',
        youSaid: 'School transport felt unsafe',
        weDid: 'We added escorts on two routes',
      });
      await w.youSaidService.save({ ...safe, weDid: 'We added trained escorts on three routes' }, MANAGER_ID);
      const gone = await saved({
        outcome: 'voice',
        youSaid: 'Nobody asked our views',
        weDid: 'We started a parent panel',
      });
      await w.youSaidService.remove(gone.id, MANAGER_ID);
    });

    it('shows the entries in the termly digest and on the end card of a family who answered that outcome', async () => {
      const { reply } = await w.digests.build(w.terms.termOf(w.clock.today()));
      const digest = JSON.stringify(reply);
      expect(digest).to.include('You said, we did');
      expect(digest).to.include('Waiting for speech and language therapy took too long');
      expect(digest).not.to.include('Nobody asked our views');

      const invited = await say(PRACTITIONER, PRACTITIONER_ID, 'invite review AR-7001 parent');
      const code = /code ([A-Z0-9-]{12})/.exec(invited.text)![1]!.replace(/-/g, '');
      const family = (opts: { text?: string; value?: Record<string, unknown> }) =>
        new FakeTurn(FAMILY, { ...opts, userId: 'family-1', conversationId: 'family-chat', channel: 'directline' });
      await w.router.routeText(family({ text: code }));
      let last = '';
      for (const section of sectionOrder(w.bank)) {
        const answers: Record<string, string> = {};
        if (section === 'text') for (const p of w.bank.promptsFor('pc')) answers[p.id] = '';
        else for (const q of w.bank.questionsFor(section, 'pc')) answers[q.id] = '4';
        const turn = family({
          value: { verb: 'survey.saveSection', code, section, bankVersion: w.bank.version, ...answers },
        });
        const outcome = await w.router.routeCard(turn);
        last = JSON.stringify(shown([...(outcome?.replaceWith ? [outcome.replaceWith] : []), ...turn.said]).cards);
      }
      expect(last).to.include('Thank you');
      expect(last).to.include('You said: Waiting for speech and language therapy took too long');
      expect(last).to.include('We did: We added trained escorts on three routes');
      expect(last).not.to.include('Nobody asked our views');
    });

    it('publishes a plain public page with no personal data', async () => {
      // The page's HTML as the /you-said-we-did route serves it (src/compositionRoot.ts).
      const body = youSaidPageHtml(w.bank, await w.youSaidService.current());
      expect(body).to.include('<h1>You said, we did</h1>');
      expect(body).to.include('Waiting for speech and language therapy took too long');
      expect(body).not.to.include('Nobody asked our views');
      expect(body).not.to.include(MANAGER_ID);
      expect(body).not.to.match(/\bAR-\d+/);
      expect(body).not.to.include('<script');
    });
  });
});
