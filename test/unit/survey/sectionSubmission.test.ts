import { expect } from 'chai';
import { loadQuestionBank } from '../../../src/seeds/loadSeeds.js';
import { checkSectionSubmission } from '../../../src/features/survey/domain/sectionSubmission.js';
import { firstUnansweredSection, sectionOrder } from '../../../src/features/survey/domain/sections.js';

describe('section submissions', () => {
  const bank = loadQuestionBank();
  const base = { verb: 'survey.saveSection', code: 'ABCDEFGH23', section: 'voice', bankVersion: bank.version };

  it('accepts scores and "prefer not to say" and keeps the order of the questions', () => {
    const r = checkSectionSubmission(bank, 'pc', 'voice', {
      ...base,
      'voice.pc.3': '5',
      'voice.pc.1': '2',
      'voice.pc.2': 'skip',
    });
    expect(r).to.deep.equal({
      ok: true,
      value: {
        section: 'voice',
        answers: [
          { questionId: 'voice.pc.1', skipped: false, score: 2 },
          { questionId: 'voice.pc.2', skipped: true },
          { questionId: 'voice.pc.3', skipped: false, score: 5 },
        ],
      },
    });
  });

  const refusals: [string, string, Record<string, unknown>, RegExp][] = [
    [
      'a score outside 1–5',
      'voice',
      { 'voice.pc.1': '6', 'voice.pc.2': '1', 'voice.pc.3': '1' },
      /could not read your answer to question 1/,
    ],
    ['a score of 0', 'voice', { 'voice.pc.1': '0', 'voice.pc.2': '1', 'voice.pc.3': '1' }, /could not read/],
    [
      'an unknown question id',
      'voice',
      { 'voice.pc.1': '1', 'voice.pc.2': '1', 'voice.pc.3': '1', 'voice.pc.9': '3' },
      /not part of your survey/,
    ],
    [
      'a question of the other role',
      'voice',
      { 'voice.pc.1': '1', 'voice.pc.2': '1', 'voice.pc.3': '1', 'voice.cyp.1': '3' },
      /not part of your survey/,
    ],
    [
      'a question of another section',
      'voice',
      { 'voice.pc.1': '1', 'voice.pc.2': '1', 'voice.pc.3': '1', 'safe.pc.1': '3' },
      /not part of your survey/,
    ],
    ['an unanswered question', 'voice', { 'voice.pc.1': '1', 'voice.pc.3': '1' }, /choose an answer for question 2/],
    ['an unknown section', 'hobbies', {}, /not part of your survey/],
    ['text over 2,000 characters', 'text', { 'text.pc.1': 'x'.repeat(2001) }, /under 2,000 characters/],
  ];
  for (const [what, section, answers, message] of refusals) {
    it(`refuses ${what} with a message a family understands`, () => {
      const r = checkSectionSubmission(bank, 'pc', section, { ...base, section, ...answers });
      expect(r.ok).to.equal(false);
      if (!r.ok) {
        expect(r.message).to.match(message);
        expect(r.message).not.to.match(/error|exception|undefined|zod/i);
      }
    });
  }

  it('stores blank free text as skipped and trims what was written', () => {
    const r = checkSectionSubmission(bank, 'cyp', 'text', {
      ...base,
      section: 'text',
      'text.cyp.1': '  drama club  ',
      'text.cyp.2': '',
    });
    expect(r.ok && r.value.answers.slice(0, 3)).to.deep.equal([
      { questionId: 'text.cyp.1', skipped: false, text: 'drama club' },
      { questionId: 'text.cyp.2', skipped: true },
      { questionId: 'text.cyp.3', skipped: true },
    ]);
  });

  it('accepts exactly 2,000 characters of free text', () => {
    expect(checkSectionSubmission(bank, 'cyp', 'text', { ...base, 'text.cyp.1': 'é'.repeat(2000) }).ok).to.equal(true);
  });
});

describe('survey progress', () => {
  const bank = loadQuestionBank();
  it('has seven sections: six outcomes then free text', () => {
    expect(sectionOrder(bank)).to.deep.equal(['voice', 'progress', 'health', 'support', 'safe', 'future', 'text']);
  });
  it('resumes at the first unanswered section, even after a later one was saved', () => {
    expect(firstUnansweredSection(bank, new Set(['voice', 'health']))).to.equal('progress');
    expect(firstUnansweredSection(bank, new Set())).to.equal('voice');
  });
  it('is complete when every section is saved', () => {
    expect(firstUnansweredSection(bank, new Set(sectionOrder(bank)))).to.equal(undefined);
  });
});
