/**
 * The typed data of the card templates (cards/<name>.json) for "you said, we did", added from this folder to the one
 * map the renderer reads (`CardDataByTemplate` in src/cards/cardModels.ts).
 */

/** The managers' list of "you said, we did" entries, each with Edit and Remove. */
export type YouSaidListCard = {
  intro: string;
  entries: { id: string; outcome: string; youSaid: string; weDid: string; history: string }[];
  publicPage: string;
};

/** Adding or editing one entry (`id` '' for a new one). */
export type YouSaidFormCard = {
  title: string;
  id: string;
  outcome: string;
  youSaid: string;
  weDid: string;
  notice: string;
  outcomes: { title: string; value: string }[];
};

declare module '../../cards/cardModels.js' {
  interface CardDataByTemplate {
    youSaidList: YouSaidListCard;
    youSaidForm: YouSaidFormCard;
  }
}
