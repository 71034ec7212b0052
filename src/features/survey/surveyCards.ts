import { wordsOf, type OutcomeId, type QuestionBank, type RespondentRole } from '../../domain/survey/questionBank.js';
import type { SavedSection, WhoAnswered } from './domain/respondentState.js';
import {
  cardValueOf,
  FREE_TEXT_MAX_CHARS,
  SKIP_VALUE,
  UNCLEAR_LABEL,
  UNCLEAR_VALUE,
  type SectionAnswers,
} from './domain/sectionSubmission.js';
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
    /** The family chose easy read: the bank's easy-read words instead of the framework's. */
    easyRead?: boolean;
    /** A child's first card asks who is answering (once, optional). */
    askWho?: boolean;
    /** Free text typed on a card whose easy-read switch was pressed: put back, so nothing typed is lost. */
    typed?: Record<string, string>;
  },
): AdaptiveCardJson {
  const { index, total } = sectionNumber(bank, opts.section);
  const easyRead = opts.easyRead ?? false;
  const easySwitch = { easyReadTitle: easyRead ? EASY_READ_OFF : EASY_READ_ON, easyReadNext: !easyRead };
  const who = { askWho: Boolean(opts.askWho) && opts.role === 'cyp', whoChoices: WHO_CHOICES };
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
      ...easySwitch,
      prompts: bank.promptsFor(opts.role).map((p) => ({
        id: p.id,
        prompt: wordsOf(p, easyRead),
        maxLength: FREE_TEXT_MAX_CHARS,
        value: opts.typed?.[p.id] ?? '',
      })),
    });
  }
  const outcome = bank.outcome(opts.section);
  if (opts.role === 'cyp' && (opts.scale ?? 'faces') === 'faces')
    return facesCard(bank, { ...opts, section: opts.section, index, total, easyRead, askWho: who.askWho });
  const scale = bank.data.scale.points.map((p) => ({ title: `${p.score} – ${p.label}`, value: String(p.score) }));
  const choices = [
    ...scale.reverse(),
    { title: bank.data.scale.skipLabel, value: SKIP_VALUE },
    { title: UNCLEAR_LABEL, value: UNCLEAR_VALUE },
  ];
  return renderCard('surveySection', {
    sectionIndex: index,
    sectionTotal: total,
    section: opts.section,
    shortName: outcome.shortName,
    // Easy read: the outcome's plain words only, not the framework's long statement.
    plainWords: opts.role === 'cyp' || easyRead ? outcome.plainWords : `${outcome.plainWords}. ${outcome.statement}`,
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
    ...easySwitch,
    // On the family page the card checks for unanswered questions and the page adds what is ticked to the
    // easy-read and faces presses (which send no inputs, so the check does not stop them: it stopped "Use faces
    // instead" until every question was answered). Teams runs no page script: there those presses send the ticks
    // themselves, so nothing ticked is lost, and the bot checks a save instead of the card (whose check would stop
    // them too), showing the card again with each missing answer named.
    required: opts.actionType !== 'Action.Execute',
    ...who,
    questions: bank.questionsFor(opts.section, opts.role).map((q, i) => {
      const prior = opts.saved?.values[q.id];
      const missing = opts.missing?.includes(q.id) ? MISSING_ANSWER : '';
      return {
        id: q.id,
        label: `${i + 1}. ${wordsOf(q, easyRead)}`,
        value: typeof prior === 'number' ? cardValueOf(prior) : '',
        choices,
        missing,
      };
    }),
  });
}

export type ScaleStyle = 'faces' | 'numbers';

/** The easy-read switch's words: one tap turns it on, and the same place turns it off. */
export const EASY_READ_ON = 'Easy read';
export const EASY_READ_OFF = 'Usual wording';

/** "Who is answering these questions?" on a child's first card: the child's own words for each answer. */
export const WHO_ANSWERED_WORDS: Record<WhoAnswered, { child: string; staff: string }> = {
  alone: { child: 'Me, on my own', staff: 'The child or young person, on their own' },
  withHelp: { child: 'Me, with help from someone', staff: 'The child or young person, with help' },
  forThem: { child: 'Someone else, answering for me', staff: 'Someone else, for the child or young person' },
};
const WHO_CHOICES = Object.entries(WHO_ANSWERED_WORDS).map(([value, w]) => ({ title: w.child, value }));

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
    easyRead: boolean;
    askWho: boolean;
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
    questionText: wordsOf(question, opts.easyRead),
    actionType: opts.actionType,
    faces: [...bank.data.scale.points].reverse().map((p) => ({
      label: p.label,
      alt: p.alt,
      image: `${opts.assetBaseUrl ?? ''}/static/faces/face-${p.score}.png`,
      data: answerData(String(p.score)),
    })),
    skipData: answerData(SKIP_VALUE),
    unclearData: answerData(UNCLEAR_VALUE),
    numbersData: { verb: SCALE_VERB, code: opts.code, scale: 'numbers' },
    easyReadTitle: opts.easyRead ? EASY_READ_OFF : EASY_READ_ON,
    easyReadData: { verb: SCALE_VERB, code: opts.code, easyRead: !opts.easyRead },
    askWho: opts.askWho,
    whoChoices: WHO_CHOICES,
  });
}

export function sectionSavedCard(bank: QuestionBank, answers: SectionAnswers): AdaptiveCardJson {
  const { index, total } = sectionNumber(bank, answers.section);
  const title = answers.section === TEXT_SECTION ? 'In your own words' : bank.outcome(answers.section).shortName;
  const given = answers.answers.filter((a) => !a.skipped).length;
  const unclear = answers.answers.filter((a) => a.unclear).length;
  const skipped = answers.answers.length - given - unclear;
  const notes = [
    ...(skipped ? [`chose "prefer not to say" for ${skipped}`] : []),
    ...(unclear ? [`said you did not understand ${unclear}`] : []),
  ];
  const summary =
    answers.section === TEXT_SECTION
      ? `You wrote ${given} of ${answers.answers.length} answers.`
      : `You answered ${given} ${given === 1 ? 'question' : 'questions'}${notes.length ? ` and ${notes.join(' and ')}` : ''}.`;
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
