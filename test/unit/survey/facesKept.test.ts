import { expect } from 'chai';
import { hasBegun, partialValues, withPartial } from '../../../src/features/survey/domain/respondentState.js';
import { sectionQuestionIds } from '../../../src/features/survey/domain/sections.js';
import { fakeWorld, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/** Each face a child taps is kept at once, in the respondent's state, and counts in nothing until saved. */
describe('faces kept as they are tapped (SurveyService on in-memory stores)', () => {
  let w: FakeWorld;
  let code: string;
  const ids = () => sectionQuestionIds(w.bank, 'voice', 'cyp');
  const press = (question: string, answer: string) => ({
    code,
    section: 'voice',
    bankVersion: w.bank.version,
    question,
    answer,
  });

  beforeEach(async () => {
    w = fakeWorld();
    const made = await w.invitationService.invite('FK-1001', 'cyp', 'p1');
    if (made.kind !== 'created') throw new Error(made.kind);
    code = made.code;
    await w.survey.redeem('tablet', code);
  });

  it('withPartial keeps, replaces and drops one section’s taps; a saved section has none', () => {
    const base = { reviewRef: 'X-1', role: 'cyp' as const, invitedTerm: 't', sections: {} };
    const one = withPartial(base, 'voice', { 'voice.cyp.1': 4 }, 'a');
    expect(one.partial).to.deep.equal({ voice: { values: { 'voice.cyp.1': 4 }, at: 'a' } });
    expect(hasBegun(base)).to.equal(false);
    expect(hasBegun(one)).to.equal(true);
    expect(withPartial(one, 'voice', {}, 'b')).to.deep.equal(base);
    const saved = { ...one, sections: { voice: { term: 't', savedAt: 'a', values: {} } } };
    expect(partialValues(saved, 'voice')).to.deep.equal({});
  });

  it('keeps a tap without touching any figure, and saves the section once its last face is tapped', async () => {
    const before = JSON.stringify([...w.counters.counters]);
    const r = await w.survey.answerQuestion('tablet', press(ids()[0]!, '4'));
    expect(r.kind).to.equal('nextQuestion');
    expect((await w.respondents.read('FK-1001', 'cyp'))?.partial?.voice?.values).to.deep.equal({ [ids()[0]!]: 4 });
    expect(JSON.stringify([...w.counters.counters]), 'no aggregate moves for a tap').to.equal(before);
    expect(await w.respondents.answerRows('FK-1001', 'cyp')).to.have.length(0);
    await w.survey.answerQuestion('tablet', press(ids()[1]!, 'skip'));
    const last = await w.survey.answerQuestion('tablet', press(ids()[2]!, '1'));
    expect(last.kind).to.equal('saved');
    const state = await w.respondents.read('FK-1001', 'cyp');
    expect(state?.partial).to.equal(undefined);
    expect(state?.sections.voice?.values).to.deep.equal({ [ids()[0]!]: 4, [ids()[1]!]: 0, [ids()[2]!]: 1 });
  });

  it('counts two presses of the same face at once as one answer', async () => {
    const [a, b] = await Promise.all([
      w.survey.answerQuestion('tablet', press(ids()[0]!, '5')),
      w.survey.answerQuestion('tablet', press(ids()[0]!, '5')),
    ]);
    expect([a.kind, b.kind].sort()).to.deep.equal(['nextQuestion', 'repeat']);
  });

  it('a different face on an answered question, or a later one, changes nothing', async () => {
    await w.survey.answerQuestion('tablet', press(ids()[0]!, '5'));
    w.clock.advanceMinutes(2);
    const again = await w.survey.answerQuestion('tablet', press(ids()[0]!, '5'));
    expect(again, 'the same face long after is not a double tap').to.include({ kind: 'notCurrent', kept: 5 });
    expect(await w.survey.answerQuestion('tablet', press(ids()[0]!, '1'))).to.include({ kind: 'notCurrent', kept: 5 });
    expect((await w.survey.answerQuestion('tablet', press(ids()[2]!, '1'))).kind).to.equal('notCurrent');
    expect((await w.respondents.read('FK-1001', 'cyp'))?.partial?.voice?.values).to.deep.equal({ [ids()[0]!]: 5 });
  });

  it('a numbers card saved with an answer missing keeps what was given', async () => {
    const r = await w.survey.saveSection('tablet', {
      code,
      section: 'voice',
      bankVersion: w.bank.version,
      [ids()[1]!]: '3',
    });
    expect(r.kind).to.equal('incomplete');
    expect((await w.respondents.read('FK-1001', 'cyp'))?.partial?.voice?.values).to.deep.equal({ [ids()[1]!]: 3 });
  });

  it('erasing the review erases the taps kept', async () => {
    await w.survey.answerQuestion('tablet', press(ids()[0]!, '2'));
    await w.erasure.erase('FK-1001');
    expect(await w.respondents.read('FK-1001', 'cyp')).to.equal(undefined);
  });
});
