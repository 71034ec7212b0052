/**
 * The typed data of the card templates (cards/<name>.json) for worry alerts, added from this folder to the one
 * map the renderer reads (`CardDataByTemplate` in src/cards/cardModels.ts).
 */
import type { ActionType } from '../../ports/messages.js';

/** A family's answer a person should read today, with "I have seen this" while it is open. */
export type WorryAlertCard = {
  title: string;
  subtitle: string;
  why: string;
  asked: string;
  /** Already escaped for chat: shown exactly as written. */
  answer: string;
  status: string;
  notes: string[];
  canAcknowledge: boolean;
  actionType: ActionType;
  alertId: string;
};

declare module '../../cards/cardModels.js' {
  interface CardDataByTemplate {
    worryAlert: WorryAlertCard;
  }
}
