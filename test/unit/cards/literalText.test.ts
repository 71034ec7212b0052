import { expect } from 'chai';
import { renderCard } from '../../../src/cards/renderCard.js';
import { surveyCompleteCard } from '../../../src/features/survey/surveyCards.js';
import { buildTermDigest } from '../../../src/features/digests/domain/termDigest.js';
import { reviewAnswers } from '../../../src/features/reviews/domain/reviewAnswers.js';
import { loadQuestionBank, loadTermCalendar } from '../../../src/seeds/loadSeeds.js';
import { responseRates } from '../../../src/features/scores/domain/outcomeFigures.js';
import { presentReviewWords } from '../../../src/features/reviews/reviewAnswersPresenter.js';
import { presentTermDigest } from '../../../src/features/digests/termDigestPresenter.js';
import { worryAlertCard } from '../../../src/features/worries/worryAlertPresenter.js';
import { youSaidFormCard, youSaidLine, youSaidListCard } from '../../../src/features/youSaid/youSaidPresenter.js';
import { cardElements } from '../../support/cardElements.js';

const bank = loadQuestionBank();

/**
 * Text people type is data, never template: a `${…}` in it is shown as typed, in every card that echoes
 * it. The templating's own bindings look the same, so the render helper must tell the two apart.
 */
describe('typed text that looks like a template binding', () => {
  // A binding that exists in the same template (title), one that does not, an expression, and a bare `${`.
  const TYPED = 'Fees ${title} and ${price} rose ${1+1} fold ${';
  const entry = {
    id: '00000000-0000-4000-8000-000000000001',
    outcome: 'support' as const,
    youSaid: TYPED,
    weDid: `We did ${'$'}{weDid} things`,
    createdBy: 'manager',
    createdAt: '2026-11-20T10:00:00.000Z',
  };
  /** Undoes the chat escaping (a backslash before markdown characters, &lt; &gt; &amp;). */
  const unescapeChat = (s: string) =>
    s.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const texts = (card: unknown) => cardElements(card as never).map((e) => String(e.text ?? e.value ?? ''));

  it('fills the "you said, we did" edit form with the words exactly as saved', () => {
    const card = renderCard('youSaidForm', youSaidFormCard(bank, entry));
    const inputs = cardElements(card as never).filter((e) => e.type === 'Input.Text');
    expect(inputs.map((i) => i.value)).to.deep.equal([TYPED, entry.weDid]);
    expect(texts(card)).to.include('Change a "you said, we did" entry');
  });

  it('keeps the typed form, and the problem, when a save is refused', () => {
    const again = { outcome: 'support', youSaid: TYPED, weDid: 'AR-1042 ${x}' };
    const card = renderCard('youSaidForm', youSaidFormCard(bank, again, 'It seems to contain ${a review reference}.'));
    const all = texts(card);
    expect(all).to.include(TYPED);
    expect(all).to.include('AR-1042 ${x}');
    expect(all).to.include('It seems to contain ${a review reference}.');
  });

  it('shows the words literally in the list, the end card and the digest', () => {
    const list = renderCard('youSaidList', youSaidListCard(bank, [entry], 'http://localhost/you-said-we-did'));
    expect(texts(list).map(unescapeChat)).to.include.members([`You said: ${TYPED}`, `We did: ${entry.weDid}`]);
    const end = surveyCompleteCard('AR-1042', 'pc', '', [youSaidLine(entry, 'Support')]);
    expect(texts(end).map(unescapeChat).join('\n')).to.include(`You said: ${TYPED}`);
    const terms = loadTermCalendar();
    const term = terms.termOf('2026-11-22');
    const digest = buildTermDigest({
      term,
      previousTerm: terms.previous(term),
      bank,
      scores: [],
      previousScores: [],
      rates: responseRates(new Map()),
      waits: [],
      measures: [],
      youSaid: [entry],
      generatedOn: '2026-11-22',
    });
    const card = renderCard('termDigest', presentTermDigest(digest).card);
    expect(unescapeChat(texts(card).join('\n'))).to.include(TYPED);
  });

  it("shows a family's words literally on the review words card and the worry alert card", () => {
    const rows = bank.promptsFor('pc').map((p) => ({
      questionId: p.id,
      submittedOn: '2026-11-02',
      skipped: false,
      text: TYPED,
    }));
    const [words] = presentReviewWords(reviewAnswers(bank, 'AR-1042', { cyp: undefined, pc: rows }));
    const card = renderCard('reviewWords', words!);
    expect(
      texts(card)
        .map(unescapeChat)
        .filter((t) => t === TYPED),
    ).to.have.length(6);
    const alert = renderCard(
      'worryAlert',
      worryAlertCard(
        {
          id: 'a'.repeat(32),
          reviewRef: 'AR-1042',
          role: 'pc',
          questionId: 'text.pc.3',
          asked: 'As a family, we find this difficult',
          answer: TYPED,
          reasons: ['"scared"'],
          raisedAt: '2026-11-24T12:00:00.000Z',
          inviter: 'x',
          status: 'sent',
        },
        { escalated: false, actionType: 'Action.Execute' },
      ),
    );
    expect(texts(alert).map(unescapeChat)).to.include(TYPED);
  });

  it('still refuses a template binding left unbound by the data', () => {
    // A missing field is a programming error the helper must keep catching.
    expect(() => renderCard('youSaidForm', { ...youSaidFormCard(bank), youSaid: undefined } as never)).to.throw(
      /unbound/,
    );
  });
});
