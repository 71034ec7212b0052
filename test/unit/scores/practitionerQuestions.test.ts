import { expect } from 'chai';
import type { StaffRole } from '../../../src/domain/access/roles.js';
import { ADMIN, ask, FAMILY, fakeWorld, PRACTITIONER, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/**
 * Practitioners' and administrators' questions in the chat: a figure shown from 5 or more respondents with its
 * n, term and meaning; "fewer than 5", "no answers yet" and "not permitted" kept apart; asking back; this time
 * last year; follow-ups read against the question before; questions ranked; thanks and bye; the unanswered-
 * question log for administrators only; erasing a review only once an administrator confirms.
 *
 * Runs on the fakes (test/support/fakes/fakeWorld.ts): the product's router, understanding, services and
 * presenters on in-memory stores, each person's turn built as the channel layer builds it. Moved from the
 * Azurite integration tier, where it ran through the HTTP endpoint: nothing here depends on real storage.
 * As there, the tests share one world and run in order (the last erases a review), and each person keeps one
 * conversation throughout, so a question may be read as a follow-up of the one before it.
 */
describe('practitioner questions (on the fakes)', () => {
  const PRACTITIONER_ID = 'aaaaaaaa-0000-0000-0000-000000000001';
  const ADMIN_ID = 'aaaaaaaa-0000-0000-0000-000000000002';
  let w: FakeWorld;
  let conversations = 0;

  /** A person in one conversation of their own, as the integration harness's chat user. */
  const user = (roles: StaffRole[], userId = `user-${conversations + 1}`) => {
    const conversationId = `conv-${++conversations}`;
    return async (text: string) => (await ask(w, roles, text, { userId, conversationId })).all;
  };
  let practitioner: ReturnType<typeof user>;
  let admin: ReturnType<typeof user>;
  let family: ReturnType<typeof user>;

  before(async () => {
    w = fakeWorld({ today: '2026-11-22' });
    practitioner = user(PRACTITIONER, PRACTITIONER_ID);
    admin = user(ADMIN, ADMIN_ID);
    family = user(FAMILY);
    // Six parent carers answered Voice this term; three children answered Safe (too few to show).
    for (let i = 0; i < 6; i++) {
      await w.respondents.mutate(`PQ-${100 + i}`, 'pc', () => ({
        next: {
          reviewRef: `PQ-${100 + i}`,
          role: 'pc',
          invitedTerm: '2026-27-autumn',
          sections: {
            voice: {
              term: '2026-27-autumn',
              savedAt: 'x',
              values: { 'voice.pc.1': 1 + (i % 5), 'voice.pc.2': 4, 'voice.pc.3': 0 },
            },
          },
        },
        writes: [1, 2, 3].map((n) => ({
          questionId: `voice.pc.${n}`,
          section: 'voice',
          term: '2026-27-autumn',
          submittedOn: '2026-11-01',
          skipped: n === 3,
          ...(n === 3 ? {} : { score: n === 1 ? 1 + (i % 5) : 4 }),
        })),
        deletes: [],
      }));
    }
    for (let i = 0; i < 3; i++) {
      await w.respondents.mutate(`PQ-${200 + i}`, 'cyp', () => ({
        next: {
          reviewRef: `PQ-${200 + i}`,
          role: 'cyp',
          invitedTerm: '2026-27-autumn',
          sections: {
            safe: {
              term: '2026-27-autumn',
              savedAt: 'x',
              values: { 'safe.cyp.1': 5, 'safe.cyp.2': 5, 'safe.cyp.3': 5, 'safe.cyp.4': 5 },
            },
          },
        },
        writes: [1, 2, 3, 4].map((n) => ({
          questionId: `safe.cyp.${n}`,
          section: 'safe',
          term: '2026-27-autumn',
          submittedOn: '2026-11-01',
          skipped: false,
          score: 5,
        })),
        deletes: [],
      }));
    }
  });

  it('shows a figure from 5 or more respondents, with n, term and meaning', async () => {
    const out = await practitioner('what do parents say about being listened to?');
    expect(out).to.match(/Voice/);
    expect(out).to.match(/2026-27 Autumn/);
    expect(out).to.match(/\d\.\d · \d+% positive · n\u00a06/);
    expect(out).to.match(/strongly disagree/);
  });

  it('keeps apart "fewer than 5 responses", "no answers yet" and "not permitted"', async () => {
    expect(await practitioner('kept safe scores for children this term')).to.include('fewer than 5 responses');
    // A past term with no answers says so by name and offers the nearest term held (issue #24).
    // (Nobody here has answered Future in any term, so none is offered.)
    expect(await practitioner('future scores spring 2025-26')).to.include(
      'No scores are held for the spring term 2025-26, nor for any term near it.',
    );
    expect(await practitioner('future scores this term')).to.include('No answers yet for 2026-27 Autumn');
    const denied = await family('outcome scores this term');
    expect(denied).to.match(/only practitioners and managers/i);
    expect(denied).not.to.match(/\d\.\d ·/);
  });

  it('asks back when a question is ambiguous, and says what it can do when it cannot help', async () => {
    expect(await practitioner('compare health')).to.match(/\?/);
    expect(await practitioner("what's the weather like")).to.match(/outcome scores, response rates and waiting times/);
  });

  it('compares an outcome with the same term a year before ("this time last year")', async () => {
    // Five parent carers answered Voice in autumn 2025-26: last year's figure exists to compare with.
    for (let i = 0; i < 5; i++)
      await w.respondents.mutate(`PY-${300 + i}`, 'pc', () => ({
        next: {
          reviewRef: `PY-${300 + i}`,
          role: 'pc',
          invitedTerm: '2025-26-autumn',
          sections: { voice: { term: '2025-26-autumn', savedAt: 'x', values: { 'voice.pc.1': 2, 'voice.pc.2': 2 } } },
        },
        writes: [1, 2].map((n) => ({
          questionId: `voice.pc.${n}`,
          section: 'voice',
          term: '2025-26-autumn',
          submittedOn: '2025-11-01',
          skipped: false,
          score: 2,
        })),
        deletes: [],
      }));
    const out = await practitioner('how does voice compare with this time last year?');
    expect(out).to.include('2026-27 Autumn');
    expect(out).to.include('2025-26 Autumn');
    expect(out).not.to.include('2026-27 Summer');
  });

  it('answers "two years ago" and "the year before last" for that term, never for a year ago', async () => {
    // Today is in the autumn term 2026-27: two years before is the autumn term 2024-25, where nothing is held
    // (the nearest held is offered by name). Each asked in a new conversation, so neither is a follow-up.
    for (const asked of ['voice scores two years ago', 'how did voice do the year before last']) {
      const out = await user(PRACTITIONER, PRACTITIONER_ID)(asked);
      expect(out, asked).to.match(/^No scores are held for the autumn term 2024-25; the nearest term held is/);
    }
  });

  it('reads a follow-up against the question before it: term, respondents, outcome, comparison; asks when the subject changes kind', async () => {
    const say = user(PRACTITIONER, PRACTITIONER_ID);
    expect(await say('how are we doing on voice this term?')).to.include('Voice: outcome scores');
    // Nobody answered Voice last term here: the answer says so, for that term, and offers the nearest held.
    const lastTerm = await say('what about last term?');
    expect(lastTerm).to.match(
      /^No scores are held for the summer term 2025-26; the nearest term held is the autumn term 2026-27:/,
    );
    expect(lastTerm).to.include('Voice: outcome scores');
    const parents = await say('just parent carers this term');
    expect(parents).to.include('Voice: outcome scores');
    expect(parents).not.to.include('Children and young people');
    expect(await say('compare with last term')).to.match(/2025-26 Summer/);
    const safe = await say('and for kept safe?');
    expect(safe).to.match(/Safe/); // the comparison before it, now for Safe
    expect(safe).not.to.match(/Voice/);
    // Autism is a waiting list, not an outcome: asked, not jumped to.
    expect(await say('and for autism?')).to.include('Do you mean the waiting times for that service?');
    expect(await say('current wait for SALT')).to.match(/No referrals are loaded for Speech and language therapy/);
    expect(await say('and for autism?')).to.match(/No referrals are loaded for Autism \(ASD\) assessment/);
    // A new conversation has no question before it.
    expect(await user(PRACTITIONER, PRACTITIONER_ID)('what about last term?')).not.to.include('Voice: outcome scores');
  });

  it("ranks an outcome's questions when asked which is lowest or highest, never placing one with hidden figures", async () => {
    // Parent carers' Voice: question 1 averages 2.7 (1,2,3,4,5,1), question 2 is 4.0, question 3 was skipped by all.
    const lowest = await practitioner('which voice question do parents score lowest on?');
    expect(lowest).to.include('Voice: questions ranked, lowest first');
    expect(lowest).to.include('Lowest for parent carers: \\"I feel able to share my views and wishes');
    expect(lowest).to.match(
      /1st: I feel able to share my views[^"]*","wrap":true,"weight":"Bolder"\},\{"type":"TextBlock","text":"Parent carers"/,
    );
    // Nobody answered Voice last term: no change is claimed against it.
    expect(lowest).not.to.match(/▲|▼/);
    expect(lowest).to.match(/2nd: My views and wishes are considered carefully/);
    expect(lowest).to.match(/Not ranked: I feel I have been involved in co-producing/);
    const highest = await practitioner('which question about being listened to do parent carers rate highest');
    expect(highest).to.include('Highest for parent carers: \\"My views and wishes are considered carefully');
    // Three children answered Safe: no question of theirs is placed, and the answer says why.
    const safe = await practitioner('lowest scoring kept safe question for children');
    expect(safe).to.include('No Safe question has answers from 5 or more children and young people');
    expect(safe).not.to.match(/\d(st|nd|rd|th): /);
  });

  it('answers thanks, ok and bye like a person, and does not log them as unanswered', async () => {
    expect(await practitioner('thanks!')).to.match(/^You're welcome\.(\[\])?$/);
    expect(await practitioner('ok')).to.match(/^OK\./);
    expect(await practitioner('bye')).to.match(/^Bye for now\.(\[\])?$/);
    expect(await admin('unanswered questions')).not.to.match(/"thanks!"|"bye"/);
  });

  it('logs what it could not answer (no names) for administrators only', async () => {
    await practitioner('tell me a joke about otters');
    expect(await practitioner('unanswered questions')).to.match(/only administrators/i);
    const log = await admin('unanswered questions');
    expect(log).to.include('"tell me a joke about otters"');
    expect(log).to.include('(practitioner)');
    expect(log).not.to.include('aaaaaaaa-0000');
  });

  it('erases a review from chat only after an administrator confirms, and corrects the scores', async () => {
    expect(await practitioner('erase review PQ-100')).to.match(/only administrators/i);
    const ask = await admin('erase review PQ-100');
    expect(ask).to.match(/confirm erase PQ-100/);
    expect((await w.respondents.answerRows('PQ-100', 'pc')).length, 'nothing erased before confirming').to.equal(3);
    const done = await admin('confirm erase PQ-100');
    expect(done).to.match(/Erased review PQ-100: 3 answers from 1 respondents/);
    expect(await w.respondents.answerRows('PQ-100', 'pc')).to.have.length(0);
    // Five respondents are left: still shown, now with n 5.
    expect(await practitioner('voice scores for parents this term')).to.match(/n\u00a05/); // kept on one line
  });
});
