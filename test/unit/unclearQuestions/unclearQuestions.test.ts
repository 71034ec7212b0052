import { expect } from 'chai';
import { outcomeScore } from '../../../src/features/scores/domain/outcomeFigures.js';
import { sectionQuestionIds } from '../../../src/features/survey/domain/sections.js';
import { loadMeasureCatalogue, loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { FakeTurn, FAMILY, fakeWorld, MANAGER, type FakeWorld } from '../../support/fakes/fakeWorld.js';
import { readMessage } from '../../support/language.js';

/**
 * "I don't understand this question": an answer of its own, kept under the question id, counted in no score,
 * and counted per question for staff only where 5 or more people gave it.
 */
describe('"I don\'t understand this question" (survey, figures and the managers\' question)', () => {
  let w: FakeWorld;
  const pcIds = () => sectionQuestionIds(w.bank, 'voice', 'pc');

  /** One parent carer saves the Voice section with the given answers ("1".."5", "skip", "unclear"). */
  async function family(ref: string, answers: string[]): Promise<void> {
    const made = await w.invitationService.invite(ref, 'pc', 'p1');
    if (made.kind !== 'created') throw new Error(made.kind);
    const chat = `chat-${ref}`;
    await w.survey.redeem(chat, made.code);
    const payload: Record<string, unknown> = { code: made.code, section: 'voice', bankVersion: w.bank.version };
    pcIds().forEach((id, i) => (payload[id] = answers[i]));
    const saved = await w.survey.saveSection(chat, payload);
    expect(saved.kind, ref).to.equal('saved');
  }

  async function ask(text: string, roles = MANAGER): Promise<FakeTurn> {
    const turn = new FakeTurn(roles, { text });
    await w.router.routeText(turn);
    return turn;
  }

  beforeEach(() => {
    w = fakeWorld({ today: '2026-11-02' });
  });

  it('is stored under the question id as its own answer, not as "prefer not to say" and not as a score', async () => {
    await family('UQ-1001', ['unclear', 'skip', '4']);
    const rows = await w.respondents.answerRows('UQ-1001', 'pc');
    const [q1, q2, q3] = pcIds().map((id) => rows.find((r) => r.questionId === id));
    expect(q1).to.include({ skipped: true, unclear: true });
    expect(q1?.score).to.equal(undefined);
    expect(q2?.unclear, 'prefer not to say stays a plain skip').to.equal(undefined);
    expect(q3?.score).to.equal(4);
  });

  it('counts in no score, no n and no skip: the figures are those of the scored answers alone', async () => {
    for (let i = 0; i < 6; i++) await family(`UQ-20${i}0`, ['unclear', '5', '5']);
    const counters = [...w.counters.counters.values()][0]!;
    const voice = outcomeScore(w.bank, counters, 'voice', 'pc');
    const q1 = voice.questions[0]!;
    expect(q1.respondents, 'nobody scored question 1').to.equal(0);
    expect(voice.respondents, 'respondents with a score').to.equal(6);
    expect(counters.get('pc~voice')).to.include({ q1_unclear: 6, seen: 6 });
    expect(counters.get('pc~voice')?.q1_skip).to.equal(undefined);
    expect(counters.get('pc~voice')?.q1_n).to.equal(undefined);
  });

  it('lists a question 5 people did not understand, and never one that 1 to 4 did (not even as "fewer than 5")', async () => {
    // Question 1: 5 people; question 2: 4 people; question 3: nobody.
    for (let i = 0; i < 5; i++) await family(`UQ-30${i}0`, ['unclear', i < 4 ? 'unclear' : '3', '4']);
    const turn = await ask('which questions did families not understand?');
    const text = turn.all;
    const [q1, q2] = w.bank.questionsFor('voice', 'pc');
    expect(text).to.contain('Questions families did not understand');
    expect(text).to.contain(q1!.text);
    expect(text).not.to.contain(q2!.text);
    expect(text).not.to.match(/\b4\b.*did not understand|fewer than 5 responses/);
    // No total that would let question 2's 4 be worked out.
    expect(text).not.to.match(/total[^.]*\d/i);
  });

  it('says so when no question reached 5, and refuses families', async () => {
    await family('UQ-4001', ['unclear', 'unclear', 'unclear']);
    expect((await ask('questions families did not understand this term')).all).to.match(/No question was marked/);
    expect((await ask('which questions did families not understand?', FAMILY)).all).to.match(/only practitioners/i);
  });

  const services = loadServiceCatalogue();
  const measures = loadMeasureCatalogue().measures;
  for (const text of [
    'which questions did families not understand?',
    "questions families didn't understand",
    'which survey questions are confusing questions',
  ])
    it(`"${text}" is the managers' question`, () => {
      expect(readMessage(text, services, measures)).to.have.property('intent', 'unclearQuestions');
    });
});
