/**
 * The typed data of the card templates (cards/<name>.json) for help, added from this folder to the one
 * map the renderer reads (`CardDataByTemplate` in src/cards/cardModels.ts).
 */

export type HelpCard = {
  title: string;
  intro: string;
  commands: { example: string; meaning: string }[];
  buttons: { title: string; text: string }[];
};

declare module '../../cards/cardModels.js' {
  interface CardDataByTemplate {
    help: HelpCard;
  }
}
