/**
 * The typed data of the card templates (cards/<name>.json) for invitations, added from this folder to the one
 * map the renderer reads (`CardDataByTemplate` in src/cards/cardModels.ts).
 */
import type { ActionType } from '../../ports/messages.js';

export type InvitationCreatedCard = {
  reviewRef: string;
  respondent: string;
  respondentLower: string;
  displayCode: string;
  link: string;
  expiresOn: string;
  lead: string;
  /** "Thursday 14 January 2027 …" when a review meeting date was given, else ''. */
  meeting: string;
};

export type InvitationListCard = {
  intro: string;
  actionType: ActionType;
  rows: {
    code: string;
    reviewRef: string;
    respondent: string;
    createdOn: string;
    /** "Review meeting Thursday 14 January 2027", or ''. */
    meeting: string;
    status: string;
    /** What was sent by text or email and what became of it ('' when nothing was). */
    delivery: string;
    renewable: boolean;
  }[];
};

/** The invitation form (opened by "invite" with nothing else, or from help), filled again after a mistake. */
export type InvitationFormCard = {
  reviewRef: string;
  /** 'pc' | 'cyp' | '' */
  role: string;
  contact: string;
  /** YYYY-MM-DD or ''. */
  meetingOn: string;
  /** Whether Notify is set up: without it, no contact field and a sentence saying so. */
  canSend: boolean;
  /** What was wrong with the last press ('' for none). */
  notice: string;
  /** One press of this form makes one invitation (a second press is told so). */
  formId: string;
};

declare module '../../cards/cardModels.js' {
  interface CardDataByTemplate {
    invitationCreated: InvitationCreatedCard;
    invitationList: InvitationListCard;
    invitationForm: InvitationFormCard;
  }
}
