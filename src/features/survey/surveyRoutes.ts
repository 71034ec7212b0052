import { z } from 'zod';
import { ANSWER_VERB, SAVE_SECTION_VERB, SCALE_VERB } from './surveyCards.js';
import { cardRoute, intentRoute } from '../../routing/route.js';
import type { FamilySurvey } from './familySurvey.js';

/**
 * A survey card's data: every field is checked in full by SurveyService, which tells the family in their
 * own words what was missing; here only that it is an object of a sensible size.
 */
const cardData = z
  .record(z.string().max(200), z.unknown())
  .refine((v) => Object.keys(v).length <= 200, 'too many fields');
const UNREADABLE = 'I could not read that card. Please answer the latest card I sent you.';

/** Anyone may type a code: a family starts or carries on their survey with it. */
export const surveyCodeRoute = (family: FamilySurvey) =>
  intentRoute({
    intent: 'surveyCode',
    requires: 'anyone',
    refusal: '',
    input: z.object({ intent: z.literal('surveyCode'), code: z.string().min(1).max(40) }),
    handle: async (turn, { code }) => {
      await family.redeemCode(turn, code);
    },
  });

/** A parent carer's (or a child's numbered) section card: "Save and continue". */
export const saveSectionRoute = (family: FamilySurvey) =>
  cardRoute({
    verb: SAVE_SECTION_VERB,
    requires: 'anyone',
    refusal: '',
    unreadable: UNREADABLE,
    input: cardData,
    handle: (turn, data) => family.saveSection(turn, data),
  });

/** A child tapped a face (or "prefer not to say") for one question. */
export const answerQuestionRoute = (family: FamilySurvey) =>
  cardRoute({
    verb: ANSWER_VERB,
    requires: 'anyone',
    refusal: '',
    unreadable: UNREADABLE,
    input: cardData,
    handle: (turn, data) => family.answerQuestion(turn, data),
  });

/** A child chose faces or the numbered scale. */
export const chooseScaleRoute = (family: FamilySurvey) =>
  cardRoute({
    verb: SCALE_VERB,
    requires: 'anyone',
    refusal: '',
    unreadable: UNREADABLE,
    input: cardData,
    handle: (turn, data) => family.chooseScale(turn, data),
  });
