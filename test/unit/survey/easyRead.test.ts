import { expect } from 'chai';
import { sectionCard } from '../../../src/features/survey/surveyCards.js';
import { sectionQuestionIds } from '../../../src/features/survey/domain/sections.js';
import { loadQuestionBank } from '../../../src/seeds/loadSeeds.js';
import { fakeWorld, type FakeWorld } from '../../support/fakes/fakeWorld.js';

/** Words a person reads as one sentence: split at . ! ? followed by a space or the end. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
const words = (sentence: string) => sentence.split(/\s+/).filter((w) => /\w/.test(w));
const MAX_WORDS = 15;

describe('easy read: every question and prompt has a plain version, kept as data in the bank', () => {
  const bank = loadQuestionBank();
  const items = [
    ...bank.allScored().map((q) => ({ id: q.id, own: q.text, easy: q.easyRead })),
    ...(['cyp', 'pc'] as const).flatMap((r) =>
      bank.promptsFor(r).map((p) => ({ id: p.id, own: p.prompt, easy: p.easyRead })),
    ),
  ];

  it('has an easy-read version of all 40 questions and 12 prompts, each marked draft until co-produced', () => {
    expect(items).to.have.length(52);
    for (const i of items) {
      expect(i.easy, i.id).not.to.equal(undefined);
      expect(i.easy!.status, i.id).to.be.oneOf(['draft', 'coProduced']);
      expect(i.easy!.text, `${i.id}: a version of its own`).not.to.equal(i.own);
    }
    // Nobody has co-produced them yet: they must not claim to be.
    expect(items.every((i) => i.easy!.status === 'draft')).to.equal(true);
  });

  it(`writes each easy-read sentence in ${MAX_WORDS} words or fewer`, () => {
    for (const i of items)
      for (const s of sentences(i.easy!.text)) expect(words(s).length, `${i.id}: "${s}"`).to.be.at.most(MAX_WORDS);
  });

  it('keeps the framework wording the default on every card', () => {
    const card = JSON.stringify(
      sectionCard(bank, { section: 'voice', role: 'pc', code: 'ABCD-EFGH-23', actionType: 'Action.Submit' }),
    );
    for (const q of bank.questionsFor('voice', 'pc')) expect(card).to.contain(JSON.stringify(q.text).slice(1, -1));
    expect(card).to.contain('"title":"Easy read"');
  });

  it('shows the easy-read words on the numbers, faces and free-text cards when chosen', () => {
    const base = { code: 'ABCD-EFGH-23', actionType: 'Action.Execute' as const, easyRead: true };
    const numbers = JSON.stringify(sectionCard(bank, { ...base, section: 'voice', role: 'pc' }));
    for (const q of bank.questionsFor('voice', 'pc'))
      expect(numbers).to.contain(JSON.stringify(q.easyRead!.text).slice(1, -1));
    expect(numbers).to.contain('"title":"Usual wording"');
    const faces = JSON.stringify(sectionCard(bank, { ...base, section: 'safe', role: 'cyp' }));
    expect(faces).to.contain(bank.questionsFor('safe', 'cyp')[0]!.easyRead!.text);
    const text = JSON.stringify(sectionCard(bank, { ...base, section: 'text', role: 'cyp' }));
    for (const p of bank.promptsFor('cyp')) expect(text).to.contain(p.easyRead!.text);
  });
});

describe('easy read on a numbers card keeps what is ticked, on the family page and in Teams', () => {
  const bank = loadQuestionBank();
  type Element = { type?: string; id?: string; isRequired?: boolean; title?: string; associatedInputs?: string };
  /** Every object in the card (elements, inputs, actions), depth first. */
  function collect(node: unknown, out: Element[] = []): Element[] {
    if (Array.isArray(node)) node.forEach((n) => collect(n, out));
    else if (node && typeof node === 'object') {
      out.push(node as Element);
      for (const v of Object.values(node)) collect(v, out);
    }
    return out;
  }
  const card = (actionType: 'Action.Execute' | 'Action.Submit') =>
    collect(sectionCard(bank, { section: 'voice', role: 'pc', code: 'ABCD-EFGH-23', actionType }));
  const questionIds = bank.questionsFor('voice', 'pc').map((q) => q.id);
  const walkChild = (actionType: 'Action.Execute' | 'Action.Submit') =>
    collect(sectionCard(bank, { section: 'voice', role: 'cyp', scale: 'numbers', code: 'ABCD-EFGH-23', actionType }));

  it('in Teams (no page script to add the ticks) the easy-read press sends them, and the bot, not the card, checks a save', () => {
    const elements = card('Action.Execute');
    expect(elements.find((e) => e.title === 'Easy read')?.associatedInputs).to.equal('auto');
    expect(walkChild('Action.Execute').find((e) => e.title === 'Use faces instead')?.associatedInputs).to.equal('auto');
    // The card's own check would stop the easy-read press while any question is unanswered.
    for (const id of questionIds) expect(elements.find((e) => e.id === id)?.isRequired, id).to.equal(false);
  });

  it('on the family page the card checks a save itself, and its easy-read press sends nothing (the page adds the ticks)', () => {
    const elements = card('Action.Submit');
    expect(elements.find((e) => e.title === 'Easy read')?.associatedInputs).to.equal('none');
    // "Use faces instead" on a child's numbers card too: the card's check stopped it until every question was answered.
    expect(walkChild('Action.Submit').find((e) => e.title === 'Use faces instead')?.associatedInputs).to.equal('none');
    for (const id of questionIds) expect(elements.find((e) => e.id === id)?.isRequired, id).to.equal(true);
  });
});

describe('easy read chosen once is remembered for the survey, and answers count under the same ids', () => {
  let w: FakeWorld;
  let code: string;
  beforeEach(async () => {
    w = fakeWorld();
    const made = await w.invitationService.invite('ER-1001', 'pc', 'p1');
    if (made.kind !== 'created') throw new Error(made.kind);
    code = made.code;
    await w.survey.redeem('phone', code);
  });

  it('keeps the choice in the respondent state (so another device sees it) and what was ticked on the card', async () => {
    const [q1] = sectionQuestionIds(w.bank, 'voice', 'pc');
    const r = await w.survey.chooseScale('phone', { code, section: 'voice', easyRead: true, [q1!]: '4' });
    expect(r.kind).to.equal('nextQuestion');
    const state = await w.respondents.read('ER-1001', 'pc');
    expect(state?.easyRead).to.equal(true);
    expect(state?.partial?.voice?.values).to.deep.equal({ [q1!]: 4 });
    // Another device: the same survey, in easy read.
    await w.survey.redeem('laptop', code);
    expect((await w.survey.position('laptop'))?.state.easyRead).to.equal(true);
    const off = await w.survey.chooseScale('laptop', { code, section: 'voice', easyRead: false });
    expect(off.kind).to.equal('nextQuestion');
    expect((await w.respondents.read('ER-1001', 'pc'))?.easyRead).to.equal(undefined);
  });

  it('saves easy-read answers under the framework question ids', async () => {
    await w.survey.chooseScale('phone', { code, easyRead: true });
    const payload: Record<string, unknown> = { code, section: 'voice', bankVersion: w.bank.version };
    for (const id of sectionQuestionIds(w.bank, 'voice', 'pc')) payload[id] = '5';
    expect((await w.survey.saveSection('phone', payload)).kind).to.equal('saved');
    const rows = await w.respondents.answerRows('ER-1001', 'pc');
    expect(rows.map((r) => r.questionId).sort()).to.deep.equal(sectionQuestionIds(w.bank, 'voice', 'pc').sort());
  });
});
