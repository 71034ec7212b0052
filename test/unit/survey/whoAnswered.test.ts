import { expect } from 'chai';
import { sectionCard } from '../../../src/features/survey/surveyCards.js';
import { sectionQuestionIds } from '../../../src/features/survey/domain/sections.js';
import { reviewAnswers } from '../../../src/features/reviews/domain/reviewAnswers.js';
import { presentReviewAnswers } from '../../../src/features/reviews/reviewAnswersPresenter.js';
import { fakeWorld, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/** A child's survey asks once, on its first card, who is answering; the review shows it with the answers. */
describe("who answered a child's survey, and \"I don't understand\" in the review's answers", () => {
  let w: FakeWorld;
  let code: string;
  const ids = () => sectionQuestionIds(w.bank, 'voice', 'cyp');
  const press = (question: string, answer: string, extra: Record<string, unknown> = {}) => ({
    code,
    section: 'voice',
    bankVersion: w.bank.version,
    question,
    answer,
    ...extra,
  });

  beforeEach(async () => {
    w = fakeWorld();
    const made = await w.invitationService.invite('WA-1001', 'cyp', 'p1');
    if (made.kind !== 'created') throw new Error(made.kind);
    code = made.code;
    await w.survey.redeem('tablet', code);
  });

  it('asks on the first card of a child survey only, never of a parent carer', () => {
    const first = JSON.stringify(
      sectionCard(w.bank, { section: 'voice', role: 'cyp', code, actionType: 'Action.Submit', askWho: true }),
    );
    expect(first).to.contain('Who is answering these questions?');
    expect(first).to.contain('Me, with help from someone');
    const later = JSON.stringify(
      sectionCard(w.bank, { section: 'voice', role: 'cyp', code, actionType: 'Action.Submit', askWho: false }),
    );
    expect(later).not.to.contain('Who is answering');
    const parent = JSON.stringify(
      sectionCard(w.bank, { section: 'voice', role: 'pc', code, actionType: 'Action.Submit', askWho: true }),
    );
    expect(parent).not.to.contain('Who is answering');
  });

  it('keeps what the first face press carries, once: a later card cannot change it', async () => {
    await w.survey.answerQuestion('tablet', press(ids()[0]!, '4', { whoAnswered: 'alone' }));
    expect((await w.respondents.read('WA-1001', 'cyp'))?.whoAnswered).to.equal('alone');
    await w.survey.answerQuestion('tablet', press(ids()[1]!, 'unclear', { whoAnswered: 'forThem' }));
    const state = await w.respondents.read('WA-1001', 'cyp');
    expect(state?.whoAnswered).to.equal('alone');
    expect(state?.partial?.voice?.values).to.deep.equal({ [ids()[0]!]: 4, [ids()[1]!]: -1 });
  });

  it('leaves it unsaid when nothing was chosen (a blank choice is not an answer)', async () => {
    await w.survey.answerQuestion('tablet', press(ids()[0]!, '4', { whoAnswered: '' }));
    const state = await w.respondents.read('WA-1001', 'cyp');
    expect(state?.whoAnswered).to.equal(undefined);
    expect(state?.partial?.voice?.values).to.deep.equal({ [ids()[0]!]: 4 });
  });

  it('shows who answered and each "I don\'t understand" in the review\'s answers', async () => {
    await w.survey.answerQuestion('tablet', press(ids()[0]!, 'unclear', { whoAnswered: 'withHelp' }));
    await w.survey.answerQuestion('tablet', press(ids()[1]!, 'skip'));
    await w.survey.answerQuestion('tablet', press(ids()[2]!, '5'));
    const rows = await w.respondents.answerRows('WA-1001', 'cyp');
    const state = await w.respondents.read('WA-1001', 'cyp');
    const view = reviewAnswers(w.bank, 'WA-1001', { cyp: rows, pc: undefined }, undefined, state?.whoAnswered);
    const card = presentReviewAnswers(view, 'https://bot.example.test/print');
    const child = card.respondents[0]!;
    expect(child.status).to.contain('Who answered: the child or young person, with help.');
    expect(child.outcomes[0]!.answers.map((a) => a.answer)).to.deep.equal([
      'Did not understand the question (no score)',
      'Skipped (chose not to answer)',
      '5 · Strongly agree',
    ]);
  });
});
