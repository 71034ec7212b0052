import { expect } from 'chai';
import { toActivity } from '../../../src/bot/teamsTurn.js';
import { renderCard } from '../../../src/cards/renderCard.js';
import { reviewAnswers, type AnswerRow } from '../../../src/features/reviews/domain/reviewAnswers.js';
import { loadQuestionBank } from '../../../src/seeds/loadSeeds.js';
import type { RespondentRole } from '../../../src/domain/survey/questionBank.js';
import { FREE_TEXT_MAX_CHARS } from '../../../src/features/survey/domain/sectionSubmission.js';
import { presentReviewWords } from '../../../src/features/reviews/reviewAnswersPresenter.js';

const bank = loadQuestionBank();
/** Teams refuses an activity over about 28 KB; every one the bot sends stays under 27,000 bytes. */
const LIMIT = 27_000;

/** Undoes the chat escaping (a backslash before markdown characters, &lt; &gt; &amp;; lines as paragraphs). */
const unescapeChat = (s: string) =>
  s
    .split('\n\n')
    .map((l) => l.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
    .join('\n');

/**
 * A family's own words at their heaviest in bytes: emoji (4 to 14 bytes a character, 2 to 6 counted),
 * characters escaping lengthens, line breaks (doubled as paragraphs) and words too long to wrap.
 */
const HEAVY: string[] = [
  '👍🏽'.repeat(500),
  Array.from({ length: 500 }, (_, i) => ['😀', '👍🏽', '🏳️‍🌈', '&', '*'][i % 5]).join(''),
  '&'.repeat(FREE_TEXT_MAX_CHARS),
  'a\n'.repeat(FREE_TEXT_MAX_CHARS / 2),
  'Supercalifragilistic'.repeat(FREE_TEXT_MAX_CHARS / 20),
  `${'😀'.repeat(400)} ${'<&>'.repeat(300)}`,
];

function rows(texts: readonly string[], role: RespondentRole, shift: number): AnswerRow[] {
  return bank.promptsFor(role).map((p, i) => ({
    questionId: p.id,
    submittedOn: '2026-11-02',
    skipped: false,
    text: texts[(i + shift) % texts.length],
  }));
}

for (const [name, heavy] of [
  ['500 emoji with skin tones in every prompt', ['👍🏽'.repeat(500)]],
  ['emoji, escaped characters, line breaks and long words', HEAVY],
] as const)
  describe(`a review's own words, however heavy, in cards Teams accepts: ${name}`, () => {
    const review = reviewAnswers(
      bank,
      'AR-1042',
      { cyp: rows(heavy, 'cyp', 0), pc: rows(heavy, 'pc', 1) },
      { year: '2025-26', rows: { cyp: rows(heavy, 'cyp', 2), pc: rows(heavy, 'pc', 3) } },
    );
    const cards = presentReviewWords(review);

    it(`keeps every card's activity under ${LIMIT} bytes`, () => {
      for (const words of cards) {
        const activity = toActivity({ text: words.title, card: renderCard('reviewWords', words) });
        expect(Buffer.byteLength(JSON.stringify(activity)), words.title).to.be.at.most(LIMIT);
      }
    });

    it('loses nothing: each answer, this year and last, is all there across the cards, in order', () => {
      for (const r of review.respondents) {
        const mine = cards.filter((c) => c.title.startsWith(r.role === 'cyp' ? 'The child' : 'The parent'));
        for (const w of r.words) {
          const items = mine.flatMap((c) => c.words).filter((i) => i.prompt.startsWith(w.prompt));
          const thisYear = items
            .filter((i) => !i.isSubtle)
            .map((i) => unescapeChat(i.text))
            .join('');
          expect(thisYear, w.prompt).to.equal(w.text);
          const lastYear = items
            .flatMap((i) => [i.previous, i.isSubtle ? i.text : ''])
            .filter((t) => t !== '')
            .map((t) => unescapeChat(t.replace(/^2025-26: /, '')))
            .join('');
          expect(lastYear, `${w.prompt} last year`).to.equal(w.previousText);
        }
      }
    });
  });
