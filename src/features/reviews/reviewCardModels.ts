/**
 * The typed data of the card templates (cards/<name>.json) for a review's answers, added from this folder to the one
 * map the renderer reads (`CardDataByTemplate` in src/cards/cardModels.ts).
 */

/** A review's scored answers for its practitioner: per respondent, per outcome, question and answer. */
export type ReviewAnswersCard = {
  title: string;
  subtitle: string;
  respondents: {
    heading: string;
    status: string;
    outcomes: { name: string; answers: { question: string; answer: string; previous: string }[] }[];
  }[];
  notes: string[];
  printUrl: string;
};

/** One respondent's own words, each already escaped for chat (shown exactly as written). */
export type ReviewWordsCard = {
  title: string;
  subtitle: string;
  words: { prompt: string; text: string; isSubtle: boolean; previous: string }[];
};

declare module '../../cards/cardModels.js' {
  interface CardDataByTemplate {
    reviewAnswers: ReviewAnswersCard;
    reviewWords: ReviewWordsCard;
  }
}
