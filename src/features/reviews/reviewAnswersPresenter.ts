import type { ReviewAnswersCard, ReviewWordsCard } from './reviewCardModels.js';
import type { AnswerShown, RespondentAnswers, ReviewAnswers } from './domain/reviewAnswers.js';
import { chatLiteralLines } from '../../domain/text/safeText.js';
import { longDate } from '../../cards/format.js';

export const WHO: Record<RespondentAnswers['role'], string> = {
  cyp: 'The child or young person',
  pc: 'The parent carer',
};

export const REVIEW_REFUSAL =
  "I can show a review's answers only to the practitioner who invited the family to its survey, and to administrators. If you made the invitation, check the reference (for example AR-1042).";

export function answerText(a: AnswerShown): string {
  if (a.kind === 'score') return `${a.score} · ${a.label}`;
  if (a.kind === 'unclear') return 'Did not understand the question (no score)';
  return a.kind === 'skipped' ? 'Skipped (chose not to answer)' : 'Not answered yet';
}

/** Who answered a child's survey, in a practitioner's words ('' for a parent carer). */
export function whoAnsweredText(r: RespondentAnswers): string {
  if (r.role !== 'cyp') return '';
  const said: Record<NonNullable<RespondentAnswers['whoAnswered']>, string> = {
    alone: 'the child or young person, on their own',
    withHelp: 'the child or young person, with help',
    forThem: 'someone else, for the child or young person',
  };
  return `Who answered: ${r.whoAnswered ? said[r.whoAnswered] : 'not said'}.`;
}

function statusOf(r: RespondentAnswers): string {
  if (!r.invited) return 'Not invited for this review.';
  const who = whoAnsweredText(r);
  if (!r.lastSaved) return `Invited; nothing saved yet.${who ? ` ${who}` : ''}`;
  return `Last saved ${longDate(r.lastSaved)}.${who ? ` ${who}` : ''}`;
}

/** The scored answers, one card: per respondent invited, per outcome, each question and its answer. */
export function presentReviewAnswers(view: ReviewAnswers, printUrl: string): ReviewAnswersCard {
  const invited = view.respondents.filter((r) => r.invited);
  return {
    title: `Review ${view.reviewRef}: the family's answers`,
    subtitle: 'For the review meeting. Scores from 1 (strongly disagree) to 5 (strongly agree).',
    respondents: invited.map((r) => ({
      heading: WHO[r.role],
      status: statusOf(r) + (r.previousYear ? ` Last year's answers (${r.previousYear}) are shown under each.` : ''),
      outcomes: r.outcomes.map((o) => ({
        name: o.name,
        answers: o.questions.map((q) => ({
          question: q.text,
          answer: answerText(q.answer),
          previous: q.previous && r.previousYear ? `${r.previousYear}: ${answerText(q.previous)}` : '',
        })),
      })),
    })),
    notes: [
      'Their own words follow, exactly as written.',
      'Your viewing is recorded (who, which review, when), as it is for everyone who sees a family’s answers. The print link works for 30 minutes, for you only.',
    ],
    printUrl,
  };
}

/**
 * Bytes of words per card. Teams refuses an activity over about 28 KB, counted in bytes: an emoji counts
 * 2 characters but 4 bytes, and escaping makes "&" five long, so the words are measured as they are sent
 * (escaped, as JSON, in UTF-8). The template and the activity around the words take the rest.
 */
const WORDS_PER_CARD_BYTES = 16_000;
/** Bytes of one answer (this year's or last year's) shown in one place; a longer one is shown in parts. */
const PIECE_BYTES = 7_000;
/** What one word's place in the template costs besides its text: the container and its three blocks. */
const ITEM_BYTES = 400;

type WordItem = ReviewWordsCard['words'][number];

/** Each respondent's own words: as many cards as the words need, none too big for Teams, nothing left out. */
export function presentReviewWords(view: ReviewAnswers): ReviewWordsCard[] {
  return view.respondents
    .filter((r) => r.invited)
    .flatMap((r) => {
      const year = r.previousYear;
      const words = r.words.flatMap((w): WordItem[] => {
        const earlier = w.previousText !== undefined && year ? piecesOf(w.previousText) : [];
        if (w.text === undefined) {
          const shown = { prompt: w.prompt, text: w.skipped ? 'Skipped' : 'Not answered yet', isSubtle: true };
          if (earlier.length <= 1) return [{ ...shown, previous: earlier[0] ? `${year}: ${earlier[0]}` : '' }];
          return [{ ...shown, previous: '' }, ...lastYearParts(w.prompt, year!, earlier)];
        }
        const now = piecesOf(w.text);
        const parts = now.map((text, i) => ({
          prompt: now.length > 1 ? `${w.prompt} (part ${i + 1} of ${now.length})` : w.prompt,
          text,
          isSubtle: false,
          previous: '',
        }));
        if (earlier.length === 1 && now.length === 1) parts[0]!.previous = `${year}: ${earlier[0]}`;
        else if (earlier.length > 0) parts.push(...lastYearParts(w.prompt, year!, earlier));
        return parts;
      });
      const chunks: WordItem[][] = [[]];
      let size = 0;
      for (const w of words) {
        const bytes = jsonBytes(w.prompt) + jsonBytes(w.text) + jsonBytes(w.previous) + ITEM_BYTES;
        if (size + bytes > WORDS_PER_CARD_BYTES && chunks.at(-1)!.length > 0) {
          chunks.push([]);
          size = 0;
        }
        chunks.at(-1)!.push(w);
        size += bytes;
      }
      return chunks.map((chunk, i) => ({
        title: `${WHO[r.role]}, in their own words${chunks.length > 1 ? ` (${i + 1} of ${chunks.length})` : ''}`,
        subtitle: `Review ${view.reviewRef} · shown exactly as written`,
        words: chunk,
      }));
    });
}

/** Last year's words shown after this year's, one part each, in the subtle style of last year's lines. */
function lastYearParts(prompt: string, year: string, pieces: string[]): WordItem[] {
  return pieces.map((text, i) => ({
    prompt: `${prompt} (${year}, part ${i + 1} of ${pieces.length})`,
    text: `${year}: ${text}`,
    isSubtle: true,
    previous: '',
  }));
}

function jsonBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text), 'utf8');
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * A family's words escaped for chat, in as few parts as keep each under PIECE_BYTES as sent. Cut between
 * whole characters as a reader sees them (an emoji with its skin tone or a flag stays whole), after a space
 * where there is one near the end, else inside a word too long to fit. Escaping is per character, so each
 * part is measured exactly; the parts joined are the words as written.
 */
function piecesOf(raw: string): string[] {
  const whole = chatLiteralLines(raw);
  if (jsonBytes(whole) <= PIECE_BYTES) return [whole];
  const pieces: string[] = [];
  let current: string[] = [];
  let size = 0;
  let lastSpace = -1;
  for (const { segment } of graphemes.segment(raw)) {
    const bytes = jsonBytes(chatLiteralLines(segment)) - 2;
    if (size + bytes > PIECE_BYTES - 2 && current.length > 0) {
      const cut = lastSpace > current.length / 2 ? lastSpace + 1 : current.length;
      pieces.push(current.slice(0, cut).join(''));
      current = current.slice(cut);
      size = current.reduce((n, g) => n + jsonBytes(chatLiteralLines(g)) - 2, 0);
      lastSpace = -1;
    }
    if (/^\s+$/.test(segment)) lastSpace = current.length;
    current.push(segment);
    size += bytes;
  }
  if (current.length) pieces.push(current.join(''));
  return pieces.map(chatLiteralLines);
}
