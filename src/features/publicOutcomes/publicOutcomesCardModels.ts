/**
 * The typed data of the card template (cards/publicFigures.json) for what the public /outcomes page shows,
 * added from this folder to the one map the renderer reads (`CardDataByTemplate` in src/cards/cardModels.ts).
 */

/** Every outcome's scores and every measure, each with a toggle: on means published. */
export type PublicFiguresCard = {
  intro: string;
  outcomes: { id: string; title: string; value: string }[];
  measures: { id: string; title: string; value: string }[];
  pageUrl: string;
  notice: string;
};

declare module '../../cards/cardModels.js' {
  interface CardDataByTemplate {
    publicFigures: PublicFiguresCard;
  }
}
