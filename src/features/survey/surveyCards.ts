import type { OutcomeId, QuestionBank, RespondentRole } from '../../domain/survey/questionBank.js';
import type { SavedSection } from './domain/respondentState.js';
import { FREE_TEXT_MAX_CHARS, SKIP_VALUE, type SectionAnswers } from './domain/sectionSubmission.js';
import { sectionNumber, TEXT_SECTION, type SectionId } from './domain/sections.js';
import type { ActionType, AdaptiveCardJson } from '../../ports/messages.js';
import { renderCard } from '../../cards/renderCard.js';
import type { SurveyCompleteCard } from './surveyCardModels.js';

/** The words beside an unanswered question: the same as the card's own check shows (cards/surveySection.json). */
export const MISSING_ANSWER = 'Please choose an answer, or "Prefer not to say".';

/**
 * Who reads a family's own words, said before they write and again at the end — and only what is true:
 * the inviting practitioner reads them (administrators can), managers see only counted themes, and a
 * worrying answer is passed to the practitioner the same day.
 */
export const WHO_READS_WORDS: Record<RespondentRole, string> = {
  cyp: 'Who reads this: the person who asked you to do this survey reads what you write, before your review meeting. If something you write makes them worried about you, they are told the same day, so they can make sure you are safe.',
  pc: 'Who reads this: the practitioner who invited you reads your words before the review meeting. Nobody else at the council sees them, except the few administrators who run this service; managers see only how often topics come up across many families. If anything you write suggests someone may not be safe, the practitioner is told the same day.',
};

/** Builds the data for the survey's cards from the question bank; the layout lives in cards/*.json. */
export function sectionCard(
  bank: QuestionBank,
  opts: {
    section: SectionId;
    role: RespondentRole;
    code: string;
    actionType: ActionType;
    saved?: Pick<SavedSection, 'values'>;
    /** Shown at the bottom in the attention colour: what to do before this card can be saved. */
    notice?: string;
    /** Question ids still to answer, each marked beside its question. */
    missing?: string[];
    /** The first line of the card: a greeting, or the confirmation of the section just saved. */
    lead?: string;
    /** How a child answers: tapping faces (the default) or the 1–5 numbered scale. */
    scale?: ScaleStyle;
    /** Faces: the answers already tapped in this section, carried by the card until the section is saved. */
    answers?: Record<string, string>;
    /** Where the face pictures are served (the bot's public base URL). */
    assetBaseUrl?: string;
    /** Free text: what to do if they need help now (each area's contacts). */
    helpNow?: string;
  },
): AdaptiveCardJson {
  const { index, total } = sectionNumber(bank, opts.section);
  if (opts.section === TEXT_SECTION) {
    return renderCard('surveyFreeText', {
      sectionIndex: index,
      sectionTotal: total,
      intro:
        opts.role === 'cyp'
          ? 'Last part! Finish these sentences if you would like to. You can leave any of them blank.'
          : 'Last part. Finish any of these sentences if you would like to — you can leave them blank.',
      code: opts.code,
      bankVersion: bank.version,
      actionType: opts.actionType,
      notice: opts.notice ?? '',
      lead: opts.lead ?? '',
      whoReads: WHO_READS_WORDS[opts.role],
      helpNow: opts.helpNow ? `Need help now? ${opts.helpNow}` : '',
      prompts: bank
        .promptsFor(opts.role)
        .map((p) => ({ id: p.id, prompt: p.prompt, maxLength: FREE_TEXT_MAX_CHARS, value: '' })),
    });
  }
  const outcome = bank.outcome(opts.section);
  if (opts.role === 'cyp' && (opts.scale ?? 'faces') === 'faces')
    return facesCard(bank, { ...opts, section: opts.section, index, total });
  const scale = bank.data.scale.points.map((p) => ({ title: `${p.score} – ${p.label}`, value: String(p.score) }));
  const choices = [...scale.reverse(), { title: bank.data.scale.skipLabel, value: SKIP_VALUE }];
  return renderCard('surveySection', {
    sectionIndex: index,
    sectionTotal: total,
    section: opts.section,
    shortName: outcome.shortName,
    plainWords: opts.role === 'cyp' ? outcome.plainWords : `${outcome.plainWords}. ${outcome.statement}`,
    intro:
      opts.role === 'cyp'
        ? 'Pick the number that is most like how you feel: 1 = strongly disagree, 5 = strongly agree.'
        : 'How much do you agree? 1 = strongly disagree, 5 = strongly agree.',
    code: opts.code,
    bankVersion: bank.version,
    actionType: opts.actionType,
    notice: opts.notice ?? '',
    lead: opts.lead ?? '',
    switchScale: opts.role === 'cyp' ? 'Use faces instead' : '',
    questions: bank.questionsFor(opts.section, opts.role).map((q, i) => {
      const prior = opts.saved?.values[q.id];
      const missing = opts.missing?.includes(q.id) ? MISSING_ANSWER : '';
      return {
        id: q.id,
        label: `${i + 1}. ${q.text}`,
        value: prior === undefined ? '' : prior === 0 ? SKIP_VALUE : String(prior),
        choices,
        missing,
      };
    }),
  });
}

export type ScaleStyle = 'faces' | 'numbers';

/** A section card's "Save and continue" (the verb is also written in cards/surveySection.json and surveyFreeText.json). */
export const SAVE_SECTION_VERB = 'survey.saveSection';
/** Card verbs of the faces card: one face (or "prefer not to say") answers one question; the scale switch. */
export const ANSWER_VERB = 'survey.answer';
export const SCALE_VERB = 'survey.scale';

/** A child's question with five face buttons; the last answer of a section carries the whole section. */
function facesCard(
  bank: QuestionBank,
  opts: {
    section: OutcomeId;
    code: string;
    actionType: ActionType;
    answers?: Record<string, string>;
    lead?: string;
    assetBaseUrl?: string;
    index: number;
    total: number;
  },
): AdaptiveCardJson {
  const outcome = bank.outcome(opts.section);
  const questions = bank.questionsFor(opts.section, 'cyp');
  const answers = opts.answers ?? {};
  const position = Math.max(
    0,
    questions.findIndex((q) => answers[q.id] === undefined),
  );
  const question = questions[position];
  const base = { code: opts.code, section: opts.section, bankVersion: bank.version, answers };
  const answerData = (answer: string) => ({ verb: ANSWER_VERB, ...base, question: question.id, answer });
  return renderCard('surveyFaces', {
    lead: opts.lead ?? '',
    sectionIndex: opts.index,
    sectionTotal: opts.total,
    shortName: outcome.shortName,
    plainWords: outcome.plainWords,
    questionIndex: position + 1,
    questionTotal: questions.length,
    questionText: question.text,
    actionType: opts.actionType,
    faces: [...bank.data.scale.points].reverse().map((p) => ({
      label: p.label,
      alt: p.alt,
      image: `${opts.assetBaseUrl ?? ''}/static/faces/face-${p.score}.png`,
      data: answerData(String(p.score)),
    })),
    skipData: answerData(SKIP_VALUE),
    numbersData: { verb: SCALE_VERB, code: opts.code, scale: 'numbers' },
  });
}

export function sectionSavedCard(bank: QuestionBank, answers: SectionAnswers): AdaptiveCardJson {
  const { index, total } = sectionNumber(bank, answers.section);
  const title = answers.section === TEXT_SECTION ? 'In your own words' : bank.outcome(answers.section).shortName;
  const given = answers.answers.filter((a) => !a.skipped).length;
  const skipped = answers.answers.length - given;
  const summary =
    answers.section === TEXT_SECTION
      ? `You wrote ${given} of ${answers.answers.length} answers.`
      : `You answered ${given} ${given === 1 ? 'question' : 'questions'}${skipped ? ` and chose "prefer not to say" for ${skipped}` : ''}.`;
  return renderCard('sectionSaved', { title, sectionIndex: index, sectionTotal: total, summary });
}

export function surveyCompleteCard(
  reviewRef: string,
  role: RespondentRole,
  lead = '',
  youSaid: SurveyCompleteCard['youSaid'] = [],
): AdaptiveCardJson {
  const thanks =
    role === 'cyp'
      ? 'Thank you for telling us what you think. It really helps.'
      : "Thank you for taking the time to tell us about your family's experience. Your answers have been saved.";
  const whoReads =
    role === 'cyp'
      ? `Your answers are part of the review for ${reviewRef}. The person who asked you to do this survey will read them, and the words you wrote, before your review meeting.`
      : `Your answers are part of the annual review for ${reviewRef}. The practitioner who invited you reads them, and your own words, before the review meeting; nobody else at the council sees your words except the few administrators who run this service.`;
  return renderCard('surveyComplete', { thanks, reviewRef, lead, whoReads, youSaid });
}
