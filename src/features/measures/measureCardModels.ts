/**
 * The typed data of the card templates (cards/<name>.json) for framework measures, added from this folder to the one
 * map the renderer reads (`CardDataByTemplate` in src/cards/cardModels.ts).
 */
import type { RatedFigureCard } from '../../cards/cardModels.js';

/** One framework measure: its rating against a target (if any), the figure, its changes, target and notes. */
export type MeasureCard = RatedFigureCard;

declare module '../../cards/cardModels.js' {
  interface CardDataByTemplate {
    measure: MeasureCard;
  }
}
