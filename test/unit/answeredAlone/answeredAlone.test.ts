import { expect } from 'chai';
import { sectionQuestionIds } from '../../../src/features/survey/domain/sections.js';
import { loadMeasureCatalogue, loadServiceCatalogue } from '../../../src/seeds/loadSeeds.js';
import { FakeTurn, fakeWorld, MANAGER, type FakeWorld } from '../../support/fakes/fakeWorld.js';
import { readMessage } from '../../support/language.js';

/** "Scores where children answered alone": the Voice scores of children who said "Me, on my own", ≥ 5 rules. */
describe('scores where children answered on their own', () => {
  let w: FakeWorld;

  /** One child says who is answering on the first card, then answers Voice with one score for every question. */
  async function child(ref: string, who: string, score: string): Promise<void> {
    const made = await w.invitationService.invite(ref, 'cyp', 'p1');
    if (made.kind !== 'created') throw new Error(made.kind);
    const chat = `chat-${ref}`;
    await w.survey.redeem(chat, made.code);
    for (const [i, question] of sectionQuestionIds(w.bank, 'voice', 'cyp').entries()) {
      const r = await w.survey.answerQuestion(chat, {
        code: made.code,
        section: 'voice',
        bankVersion: w.bank.version,
        question,
        answer: score,
        ...(i === 0 ? { whoAnswered: who } : {}),
      });
      expect(r.kind, `${ref} ${question}`).to.be.oneOf(['nextQuestion', 'saved']);
    }
  }

  async function ask(text: string): Promise<string> {
    const turn = new FakeTurn(MANAGER, { text });
    await w.router.routeText(turn);
    return turn.all;
  }

  beforeEach(() => {
    w = fakeWorld({ today: '2026-11-02' });
  });

  it('shows the scores of the 5 who answered alone, not counting those with help', async () => {
    for (let i = 0; i < 5; i++) await child(`AL-10${i}0`, 'alone', '5');
    for (let i = 0; i < 5; i++) await child(`AL-20${i}0`, 'withHelp', '1');
    const text = await ask('voice scores where children answered alone');
    expect(text).to.contain('Scores where children answered on their own');
    expect(text).to.match(/Voice[^\n]*5\.0/);
    expect(text).not.to.match(/Voice[^\n]*3\.0/);
  });

  it('hides an outcome answered alone by 1 to 4 children', async () => {
    for (let i = 0; i < 4; i++) await child(`AL-30${i}0`, 'alone', '4');
    const text = await ask('scores where children answered on their own');
    expect(text).to.match(/Voice[^\n]*fewer than 5 responses/);
    expect(text).not.to.match(/Voice[^\n]*4\.0/);
  });

  it('hides it too when the other children are 1 to 4: all children minus those alone would show them', async () => {
    for (let i = 0; i < 5; i++) await child(`AL-40${i}0`, 'alone', '5');
    for (let i = 0; i < 2; i++) await child(`AL-50${i}0`, 'forThem', '1');
    const text = await ask('scores where children answered alone');
    expect(text).to.match(/Voice[^\n]*fewer than 5 responses \(from the other children\)/);
    expect(text).not.to.match(/Voice[^\n]*5\.0/);
  });

  const services = loadServiceCatalogue();
  const measures = loadMeasureCatalogue().measures;
  for (const text of [
    'scores where children answered alone',
    'how did children who answered on their own score on safe',
    // Help refused in other words, not the plain scores of every child (session 13).
    'how did children do without any assistance',
    'safe scores for young people with no adult helping',
  ])
    it(`"${text}" asks for the scores of children who answered alone`, () => {
      expect(readMessage(text, services, measures)).to.have.property('intent', 'answeredAlone');
    });
});
