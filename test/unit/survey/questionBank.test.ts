import { existsSync, readFileSync } from 'node:fs';
import { expect } from 'chai';
import { loadQuestionBank, OUTCOME_IDS, parseQuestionBank } from '../../../src/domain/survey/questionBank.js';
import { fromRoot } from '../../../src/domain/projectPaths.js';

// SPEC.md's table: questions per outcome for CYP and parent carers.
const EXPECTED_COUNTS: Record<string, [number, number]> = {
  voice: [3, 3],
  progress: [3, 3],
  health: [3, 4],
  support: [2, 3],
  safe: [4, 4],
  future: [4, 4],
};

describe('question bank', () => {
  const bank = loadQuestionBank();
  const seed = fromRoot('..', 'shared', 'seeds', '004_1bccbdee28a9657e.txt');
  const framework = existsSync(seed) ? readFileSync(seed, 'utf8').replace(/\s+/g, ' ') : undefined;
  // Two rows of the framework's two-column table wrap onto a second line, so each half is found separately.
  const WRAPPED: Record<string, string[]> = {
    'safe.cyp.1': ['I feel safe in the place where I receive my education or', 'training.'],
    'safe.pc.1': ['I feel my child is safe in the place where they receive their', 'education or training.'],
  };

  it('has the six outcomes in the framework order', () => {
    expect(bank.outcomes.map((o) => o.id)).to.deep.equal([...OUTCOME_IDS]);
  });

  for (const [outcome, [cyp, pc]] of Object.entries(EXPECTED_COUNTS)) {
    it(`asks ${cyp} CYP and ${pc} parent-carer questions for ${outcome}`, () => {
      expect(bank.questionsFor(outcome as never, 'cyp')).to.have.length(cyp);
      expect(bank.questionsFor(outcome as never, 'pc')).to.have.length(pc);
    });
  }

  it('has six free-text prompts per role with the contract ids', () => {
    expect(bank.promptsFor('cyp').map((p) => p.id)).to.deep.equal([
      'text.cyp.1',
      'text.cyp.2',
      'text.cyp.3',
      'text.cyp.4',
      'text.cyp.5',
      'text.cyp.6',
    ]);
    expect(bank.promptsFor('pc').map((p) => p.id)).to.deep.equal([
      'text.pc.1',
      'text.pc.2',
      'text.pc.3',
      'text.pc.4',
      'text.pc.5',
      'text.pc.6',
    ]);
  });

  it('gives every question a unique id of the form outcome.role.n', () => {
    const ids = bank.allScored().map((q) => q.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids).to.have.length(40);
    for (const id of ids) expect(id).to.match(/^(voice|progress|health|support|safe|future)\.(cyp|pc)\.[1-9]$/);
  });

  it('uses the framework wording exactly (support.pc.3 as SPEC.md quotes it)', () => {
    expect(bank.scoredQuestion('support.pc.3')?.text).to.equal(
      'I feel processes and timescales are clear to me (around the support my child and our family receive)',
    );
  });

  it('words every question and prompt exactly as the framework document does', function () {
    if (!framework) this.skip(); // the shared seed documents sit beside the checkout in development and CI
    for (const q of bank.allScored()) {
      for (const part of WRAPPED[q.id] ?? [q.text]) expect(framework, q.id).to.include(part);
      if (WRAPPED[q.id]) expect(q.text).to.equal(WRAPPED[q.id].join(' '));
    }
    for (const role of ['cyp', 'pc'] as const)
      for (const p of bank.promptsFor(role)) expect(framework, p.id).to.include(p.prompt);
  });

  it('refuses a bank whose ids are out of row order', () => {
    const raw = JSON.parse(readFileSync(fromRoot('seeds', 'question-bank.json'), 'utf8'));
    raw.outcomes[0].questions.cyp[0].id = 'voice.cyp.2';
    expect(() => parseQuestionBank(raw)).to.throw(/should be "voice.cyp.1"/);
  });

  it('refuses a bank with a missing outcome, naming where', () => {
    const raw = JSON.parse(readFileSync(fromRoot('seeds', 'question-bank.json'), 'utf8'));
    raw.outcomes.pop();
    expect(() => parseQuestionBank(raw)).to.throw(/question bank is invalid at outcomes/);
  });

  it('has a version', () => {
    expect(bank.version).to.be.a('string').and.not.empty;
  });
});
