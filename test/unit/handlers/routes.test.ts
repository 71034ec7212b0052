import { expect } from 'chai';
import { SAVE_SECTION_VERB, ANSWER_VERB, SCALE_VERB } from '../../../src/features/survey/surveyCards.js';
import { sectionOrder, sectionQuestionIds } from '../../../src/features/survey/domain/sections.js';
import { demoReferrals } from '../../../src/features/waits/domain/demoExtracts.js';
import { RENEW_VERB } from '../../../src/features/invitations/renewInvitationRoute.js';
import {
  ADMIN,
  FakeTurn,
  FAMILY,
  fakeWorld,
  MANAGER,
  PRACTITIONER,
  type FakeWorld,
} from '../../support/fakes/fakeWorld.js';

/** Every route's handler, through the router, on in-memory stores: the behaviour, in milliseconds. */
describe('routes and their handlers (unit, in-memory stores)', () => {
  let w: FakeWorld;
  beforeEach(() => {
    w = fakeWorld();
  });

  const say = async (roles: typeof FAMILY, text: string, opts: ConstructorParameters<typeof FakeTurn>[1] = {}) => {
    const turn = new FakeTurn(roles, { ...opts, text });
    await w.router.routeText(turn);
    return turn;
  };
  const press = async (
    roles: typeof FAMILY,
    value: Record<string, unknown>,
    opts: ConstructorParameters<typeof FakeTurn>[1] = {},
  ) => {
    const turn = new FakeTurn(roles, { ...opts, value });
    const outcome = await w.router.routeCard(turn);
    return { turn, outcome };
  };
  const invite = async (ref: string, role: 'pc' | 'cyp') => {
    const made = await w.invitationService.invite(ref, role, 'user-1');
    if (made.kind !== 'created') throw new Error(made.kind);
    return made;
  };
  /** A whole section card's answers, every question "3" (free text for the last section). */
  const sectionValues = (code: string, section: string, role: 'pc' | 'cyp') => ({
    verb: SAVE_SECTION_VERB,
    code,
    section,
    bankVersion: w.bank.version,
    ...Object.fromEntries(
      sectionQuestionIds(w.bank, section as never, role).map((q) => [q, section === 'text' ? 'words' : '3']),
    ),
  });

  describe('help and anything not understood', () => {
    it('shows staff the help card, and families how to start', async () => {
      expect((await say(PRACTITIONER, 'help')).said[0]!.card).to.not.equal(undefined);
      expect((await say(FAMILY, 'help')).texts[0]).to.match(/type the code from it/);
    });
    it('keeps a question it could not answer (text and role, not who) and says what it can do', async () => {
      const turn = await say(PRACTITIONER, 'what is the meaning of life');
      expect(turn.texts[0]).to.match(/can't help with that/);
      expect(w.questionLog.entries).to.have.length(1);
      expect(w.questionLog.entries[0]).to.include({ text: 'what is the meaning of life', role: 'practitioner' });
      expect(JSON.stringify(w.questionLog.entries)).to.not.include('user-1');
    });
    it("does not keep families' words, and shows them where they are up to", async () => {
      const made = await invite('UT-101', 'pc');
      await say(FAMILY, made.code, { conversationId: 'fam' });
      const turn = await say(FAMILY, 'what is the meaning of life', { conversationId: 'fam' });
      expect(turn.texts[0]).to.match(/where you got to/);
      expect(w.questionLog.entries).to.have.length(0);
    });
    it('asks back when a question could mean two things', async () => {
      const turn = await say(PRACTITIONER, 'AR-1042');
      expect(turn.texts[0]).to.match(/\n- /);
    });
  });

  describe('the family survey', () => {
    it('starts from a code, saves a section, and says so on top of the next one (Web Chat)', async () => {
      const made = await invite('UT-102', 'pc');
      const start = await say(FAMILY, made.displayCode, { conversationId: 'web', channel: 'directline' });
      expect(start.said[0]!.text).to.match(/^Hello, and thank you/);
      const first = sectionOrder(w.bank)[0]!;
      const { turn, outcome } = await press(FAMILY, sectionValues(made.code, first, 'pc'), {
        conversationId: 'web',
        channel: 'directline',
      });
      expect(outcome).to.equal(undefined);
      expect(turn.said[0]!.text).to.match(/^✅ Saved: .+ \(section 1 of 7\)/);
      expect((await w.respondents.read('UT-102', 'pc'))!.sections[first]).to.not.equal(undefined);
    });
    it('in Teams, replaces the pressed card with the confirmation and sends the next section', async () => {
      const made = await invite('UT-103', 'pc');
      await say(FAMILY, made.code, { conversationId: 'teams' });
      const { turn, outcome } = await press(FAMILY, sectionValues(made.code, sectionOrder(w.bank)[0]!, 'pc'), {
        conversationId: 'teams',
      });
      expect(outcome && outcome.replaceWith?.text).to.equal('Saved section 1.');
      expect(turn.said[0]!.text).to.match(/^Section 2 of 7/);
    });
    it('re-shows a card with missing answers, and saves nothing', async () => {
      const made = await invite('UT-104', 'pc');
      await say(FAMILY, made.code, { conversationId: 'c4' });
      const section = sectionOrder(w.bank)[0]!;
      const { outcome } = await press(
        FAMILY,
        { verb: SAVE_SECTION_VERB, code: made.code, section, bankVersion: w.bank.version },
        { conversationId: 'c4' },
      );
      expect(outcome && outcome.replaceWith?.text).to.match(/Please choose an answer/);
      expect((await w.respondents.read('UT-104', 'pc'))!.sections).to.deep.equal({});
    });
    it('takes a child through faces one question at a time, and remembers numbers when chosen', async () => {
      const made = await invite('UT-105', 'cyp');
      await say(FAMILY, made.code, { conversationId: 'child' });
      const section = sectionOrder(w.bank)[0]!;
      const [q1] = sectionQuestionIds(w.bank, section, 'cyp');
      const face = await press(
        FAMILY,
        { verb: ANSWER_VERB, code: made.code, section, bankVersion: w.bank.version, question: q1, answer: '4' },
        { conversationId: 'child' },
      );
      expect(JSON.stringify(face.outcome)).to.match(/You picked: /);
      const scale = await press(
        FAMILY,
        { verb: SCALE_VERB, code: made.code, scale: 'numbers' },
        { conversationId: 'child' },
      );
      expect(scale.outcome && scale.outcome.replaceWith?.text).to.match(/numbers from 1 to 5/);
      expect((await w.respondents.read('UT-105', 'cyp'))!.scale).to.equal('numbers');
    });
    it('tells a family when a code is unknown, and locks the chat after five wrong ones', async () => {
      const first = await say(FAMILY, 'ABCD-EFGH-23', { conversationId: 'guess' });
      expect(first.texts[0]).to.match(/don't recognise that code.*4 tries left/);
      for (let i = 0; i < 3; i++) await say(FAMILY, 'ABCD-EFGH-23', { conversationId: 'guess' });
      expect((await say(FAMILY, 'ABCD-EFGH-23', { conversationId: 'guess' })).texts[0]).to.match(/too many tries/);
    });
    it('starts from a personal link, and says when the link is cut short', async () => {
      const made = await invite('UT-106', 'pc');
      const opened = new FakeTurn(FAMILY, { conversationId: 'link' });
      await w.events.surveyLink(opened, made.code);
      expect(opened.said[0]!.card).to.not.equal(undefined);
      const short = new FakeTurn(FAMILY, { conversationId: 'link2' });
      await w.events.surveyLink(short, made.code.slice(0, 5));
      expect(short.texts[0]).to.match(/link is not complete/);
    });
  });

  describe('invitations', () => {
    it('makes an invitation, asks for what is missing, and refuses families', async () => {
      expect((await say(PRACTITIONER, 'invite review AR-1042 parent')).said[0]!.text).to.match(
        /Here is the invitation for review AR-1042 \(parent carer\)/,
      );
      expect((await say(PRACTITIONER, 'invite review AR-1043')).texts[0]).to.match(/parent carer or the child/);
      expect((await say(FAMILY, 'invite review AR-1042 parent')).texts[0]).to.match(/^Only practitioners can invite/);
    });
    it('lists my invitations and gives a new link that replaces the old one', async () => {
      expect((await say(PRACTITIONER, 'my invitations')).texts[0]).to.match(/not made any/);
      const made = await invite('UT-107', 'pc');
      const list = await say(PRACTITIONER, 'my invitations');
      expect(list.said[0]!.text).to.equal('Your invitations: 1.');
      const { turn } = await press(PRACTITIONER, { verb: RENEW_VERB, code: made.code });
      expect(turn.said[0]!.text).to.match(/^A new link: the old one no longer works/);
      expect((await w.invitations.get(made.code))!.revokedAt).to.be.a('string');
      const again = await press(PRACTITIONER, { verb: RENEW_VERB, code: made.code });
      expect(again.turn.texts[0]).to.match(/already been replaced/);
      const someoneElse = await press(PRACTITIONER, { verb: RENEW_VERB, code: made.code }, { userId: 'user-2' });
      expect(someoneElse.turn.texts[0]).to.match(/could not find that invitation among yours/);
    });
  });

  describe('figures', () => {
    it('answers scores with a card, and says when there are no answers yet', async () => {
      const scores = await say(PRACTITIONER, 'outcome scores this term');
      expect(scores.said[0]!.card).to.not.equal(undefined);
      expect(scores.said[0]!.text).to.match(/No answers yet for 2026-27 Autumn/);
    });
    it('answers response rates from the invitations made', async () => {
      await invite('UT-108', 'pc');
      const turn = await say(PRACTITIONER, 'response rate this term');
      expect(turn.said[0]!.fullText).to.match(/Parent carers/);
    });
    it('answers waits: no data, an unknown service, a service with data, and the overview', async () => {
      expect((await say(PRACTITIONER, 'current wait for speech and language therapy?')).texts[0]).to.match(
        /^No referrals are loaded for Speech and language therapy/,
      );
      expect((await say(PRACTITIONER, 'current wait for physiotherapy?')).texts[0]).to.match(/I have no figures for/);
      const salt = w.catalogue.find((s) => s.id === 'salt')!;
      await w.referrals.replaceAll('salt', demoReferrals('salt', salt.shortName, w.clock.today()));
      await w.waits.rebuildSummary(salt);
      const waits = await say(PRACTITIONER, 'current wait for SALT?');
      expect(waits.said[0]!.card).to.not.equal(undefined);
      expect(waits.said[0]!.fullText).to.match(/within 18 weeks/);
      expect((await say(PRACTITIONER, 'which services are missing their targets?')).said[0]!.fullText).to.match(/SALT/);
      expect((await say(FAMILY, 'current wait for SALT?')).texts[0]).to.match(/only practitioners and managers/);
    });
  });

  describe('the termly digest', () => {
    it('previews for staff; subscribing and sending are for managers', async () => {
      expect((await say(PRACTITIONER, 'preview the digest')).said[0]!.card).to.not.equal(undefined);
      expect((await say(PRACTITIONER, 'subscribe to the termly digest')).texts[0]).to.match(
        /Only managers can subscribe/,
      );
      expect((await say(MANAGER, 'subscribe to the termly digest')).texts[0]).to.match(/^You are subscribed/);
      expect((await say(MANAGER, 'subscribe to the termly digest')).texts[0]).to.match(/already subscribed/);
      expect((await say(MANAGER, 'unsubscribe from the digest')).texts[0]).to.match(/no longer get/);
    });
    it('"confirm send digest" answers at once, sends after the turn, and reports back; a re-sent activity starts nothing', async () => {
      await say(MANAGER, 'subscribe to the termly digest', { conversationId: 'm1' });
      const turn = await say(MANAGER, 'confirm send digest', { conversationId: 'm1', activityId: 'act-1' });
      expect(turn.texts).to.deep.equal([
        'Sending the digest to every subscriber now. I will tell you here when it is done.',
      ]);
      expect(w.sender.sent, 'nothing sent inside the turn').to.have.length(0);
      const resent = await say(MANAGER, 'confirm send digest', { conversationId: 'm1', activityId: 'act-1' });
      expect(resent.texts[0]).to.match(/already sending/);
      expect(resent.deferred).to.have.length(0);
      await turn.deferred[0]!();
      expect(w.sender.sent.map((s) => (s.reply.card ? 'digest' : s.reply.text))).to.deep.equal([
        'digest',
        w.sender.sent[1]!.reply.text,
      ]);
      expect(w.sender.sent[1]!.reply.text).to.match(/sent on request.*sent 1/);
    });
    it('reports deliveries to managers and administrators only', async () => {
      expect((await say(ADMIN, 'digest delivery report')).texts[0]).to.equal('No digest has been sent yet.');
      expect((await say(PRACTITIONER, 'digest delivery report')).texts[0]).to.match(/only administrators and managers/);
    });
  });

  describe('administration', () => {
    it('lists unanswered questions for administrators only', async () => {
      expect((await say(ADMIN, 'unanswered questions')).texts[0]).to.match(/no unanswered questions/);
      await say(PRACTITIONER, 'what is the meaning of life');
      expect((await say(ADMIN, 'unanswered questions')).texts[0]).to.match(/"what is the meaning of life"/);
      expect((await say(PRACTITIONER, 'unanswered questions')).texts[0]).to.match(/only administrators/);
    });
    it('erases a review only after the exact confirmation, and corrects the scores', async () => {
      const made = await invite('UT-109', 'pc');
      await say(FAMILY, made.code, { conversationId: 'e' });
      await press(FAMILY, sectionValues(made.code, sectionOrder(w.bank)[0]!, 'pc'), { conversationId: 'e' });
      expect((await say(ADMIN, 'erase review UT-109')).texts[0]).to.match(/type "confirm erase UT-109"/);
      expect((await say(PRACTITIONER, 'confirm erase UT-109')).texts[0]).to.match(/only administrators/);
      expect(await w.respondents.read('UT-109', 'pc')).to.not.equal(undefined);
      expect((await say(ADMIN, 'confirm erase UT-109')).texts[0]).to.match(
        /^Erased review UT-109: \d+ answers from 1 respondents and 1 invitations/,
      );
      expect(await w.respondents.read('UT-109', 'pc')).to.equal(undefined);
      expect(
        [...w.aggregates.counters.values()]
          .flatMap((rows) => [...rows.values()])
          .every((r) => Object.values(r).every((v) => v === 0)),
      ).to.equal(true);
      expect((await say(ADMIN, 'confirm erase UT-109')).texts[0]).to.equal('Nothing is held for review UT-109.');
    });
  });
});
