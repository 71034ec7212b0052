import { longDate } from '../../domain/dates.js';
import type { YouSaidService } from '../youSaid/youSaidService.js';
import { youSaidLine } from '../youSaid/youSaidPresenter.js';
import type { AnswerResult, SaveResult, SurveyPosition, SurveyService } from './surveyService.js';
import { readCodeFromText } from '../../domain/invitations/invitationCode.js';
import { hasBegun, partialValues, UNCLEAR } from './domain/respondentState.js';
import { readSurveyChat } from './domain/surveyChat.js';
import { sectionCard, sectionSavedCard, surveyCompleteCard } from './surveyCards.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import { sectionNumber, TEXT_SECTION } from './domain/sections.js';
import { cardValueOf, compactOfCardValue, FREE_TEXT_MAX_CHARS, UNCLEAR_LABEL } from './domain/sectionSubmission.js';
import type { CardOutcome, Turn } from '../../ports/turn.js';

/**
 * The family's side of the conversation, shared by the survey's routes: starting with a code, resuming,
 * and what each save leads to. Only families' words live here; the survey itself is SurveyService.
 */
/** Enough to show the loop is closed without making the end card a long read on a phone. */
const MAX_YOU_SAID_ON_END_CARD = 3;

export class FamilySurvey {
  constructor(
    private readonly survey: SurveyService,
    private readonly bank: QuestionBank,
    /** The bot's public base URL, where the face pictures are served. */
    private readonly assetBaseUrl: string,
    /** What a family is told to do if they need help now (FAMILY_HELP_TEXT), shown before they write. */
    private readonly familyHelpText: string,
    /** "You said, we did", shown on the end card for the outcomes just answered. */
    private readonly youSaid?: Pick<YouSaidService, 'current'>,
  ) {}

  /**
   * A code typed in the chat, or carried by a personal link. Returns false when it is not shaped like a
   * code at all (a link cut short), so the caller can say so.
   */
  async redeemCode(turn: Turn, code: string): Promise<boolean> {
    const result = await this.survey.redeem(turn.conversationId, code);
    switch (result.kind) {
      case 'notACode':
        return false;
      case 'locked':
        await turn.send({
          text: `That code didn't work, and there have been too many tries from this chat. For your security, please wait about ${result.minutes} minutes, or ask your practitioner to send you a new link.`,
        });
        return true;
      case 'unknown':
        await turn.send({
          text: `Sorry, I don't recognise that code. Please check it against your invitation and try again (${result.attemptsLeft} ${result.attemptsLeft === 1 ? 'try' : 'tries'} left this hour). Codes use letters and numbers, like ABCD-EFGH-23.`,
        });
        return true;
      case 'expired':
        await turn.send({
          text: 'This invitation has expired. Please ask your practitioner for a new one — anything you already answered is kept.',
        });
        return true;
      case 'replaced':
        await turn.send({
          text: 'This code has been replaced by a newer one. Please use the latest link or code your practitioner sent you — anything you already answered is kept.',
        });
        return true;
      case 'completed':
        await turn.send({
          text: 'This survey has already been completed — thank you! There is nothing more to do. If something has changed, please talk to your practitioner.',
        });
        return true;
      case 'started': {
        // The greeting is the first line of the card: one message, not a bubble and then a card.
        const welcome = result.resumed
          ? `Welcome back! Your earlier answers are saved. Let's carry on from section ${sectionNumber(this.bank, result.next!).index}.`
          : welcomeText(result);
        await this.sendNext(turn, result, welcome);
        return true;
      }
    }
  }

  /** A family in a bound conversation typed something that is not a code: show where they are up to. */
  async resume(turn: Turn): Promise<boolean> {
    const position = await this.survey.position(turn.conversationId);
    if (!position) return false;
    if (!position.next) {
      await turn.send({ text: 'Your survey is complete — thank you. There is nothing more to do.' });
      return true;
    }
    await this.sendNext(turn, position, "Here's where you got to. Your earlier answers are saved.");
    return true;
  }

  async saveSection(turn: Turn, payload: Record<string, unknown>): Promise<CardOutcome> {
    return this.reportSave(turn, await this.survey.saveSection(turn.conversationId, payload));
  }

  /** A child tapped a face: the next question replaces the card, or the section is saved. */
  async answerQuestion(turn: Turn, payload: Record<string, unknown>): Promise<CardOutcome> {
    const result = await this.survey.answerQuestion(turn.conversationId, payload);
    if (result.kind === 'repeat') {
      // A double tap or a re-sent turn: the first press already answered. Teams puts the current card in
      // place again (the same one the first press gave); Web Chat already shows it, so nothing is sent.
      if (!turn.canReplaceCards || !result.next) return;
      return { replaceWith: { text: this.stepLabel(result), card: this.cardFor(turn, result, {}) } };
    }
    if (result.kind === 'notCurrent') {
      await turn.send({ text: this.notCurrentText(result) });
      return;
    }
    if (result.kind !== 'nextQuestion') return this.reportSave(turn, result);
    // Web Chat keeps the pressed card on screen: the new one says what was picked, so a child can see it counted.
    const picked = this.label(compactOfCardValue(String(payload.answer)));
    const card = this.cardFor(turn, result, { answers: result.answers, lead: picked ? `You picked: ${picked}.` : '' });
    const { index, total } = sectionNumber(this.bank, result.section);
    return { replaceWith: { text: `Section ${index} of ${total}`, card } };
  }

  /**
   * Something typed in a chat whose survey is in progress, by a family: a short answer (how to stop, what a
   * word means, help) that leaves the card where it is. False when it is not for the survey (a code, staff,
   * no survey in progress), for the router to answer.
   */
  async answerTyped(turn: Turn): Promise<boolean> {
    if (!turn.text.trim() || readCodeFromText(turn.text)) return false;
    if ((await turn.roles()).length > 0) return false;
    const position = await this.survey.position(turn.conversationId);
    if (!position?.next || position.state.completedAt) return false;
    const said = readSurveyChat(turn.text);
    const where = this.whereText(position);
    const child = position.invitation.role === 'cyp';
    switch (said.kind) {
      case 'carryOn':
        await this.sendNext(turn, position, `Here's where you got to. ${where}`);
        return true;
      case 'stop': {
        const kept = this.usesFaces(position)
          ? 'Everything you have answered is saved, including the faces you tapped in this section.'
          : 'Every section you saved is kept. Answers ticked on a card but not yet saved with "Save and continue" are not kept, so press it first if you want to keep them.';
        await turn.send({
          text: `That's fine — you can stop here. ${kept} To carry on, open the same link (or type your code) before ${longDate(position.invitation.expiresAt)}, and you will start where you left off.`,
        });
        return true;
      }
      case 'meaning':
        await turn.send({
          text: said.meaning
            ? `"${said.word}" means ${said.meaning}. ${where}`
            : `I don't have a meaning for "${said.word}", sorry. You could ask ${child ? 'the person who asked you to do this survey' : 'your practitioner'}, or choose "${UNCLEAR_LABEL}" for any question. ${where}`,
        });
        return true;
      case 'thanks':
        await turn.send({ text: `You're welcome. ${where}` });
        return true;
      case 'greeting':
        await turn.send({
          text: `Hello! ${where} You can ask me what a word means, or type "stop" to stop and come back later.`,
        });
        return true;
      case 'help':
        await turn.send({
          text: `${this.usesFaces(position) ? 'Tap the face that is most like how you feel' : 'Choose the answer most like how you feel'}, or "Prefer not to say", or "${UNCLEAR_LABEL}" — any answer is fine. "Easy read" on a card uses simpler words. You can ask what a word means (like "what does EHCP mean?"), or type "stop" to stop and come back later; your answers are kept. ${where} Need help now? ${this.familyHelpText}`,
        });
        return true;
    }
  }

  /** A family chose faces or numbers, or easy read or the usual wording: the current section again, that way. */
  async chooseScale(turn: Turn, payload: Record<string, unknown>): Promise<CardOutcome> {
    const result = await this.survey.chooseScale(turn.conversationId, payload);
    if (result.kind !== 'nextQuestion') return this.reportSave(turn, result);
    if (!result.next) {
      await turn.send({ text: COMPLETED_READ_ONLY });
      return;
    }
    const lead =
      typeof payload.easyRead === 'boolean'
        ? payload.easyRead
          ? 'OK — easy read from now on. Your answers are kept.'
          : 'OK — the usual wording from now on. Your answers are kept.'
        : result.state.scale === 'numbers'
          ? 'OK — numbers from 1 to 5 from now on.'
          : 'OK — faces from now on.';
    // Words typed on the free-text card are not kept until it is saved: the new card carries them over.
    const typed =
      result.next === TEXT_SECTION
        ? Object.fromEntries(
            this.bank
              .promptsFor(result.invitation.role)
              .map((p) => [p.id, payload[p.id]])
              .filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].length <= FREE_TEXT_MAX_CHARS),
          )
        : undefined;
    return { replaceWith: { text: lead, card: this.cardFor(turn, result, { lead, ...(typed ? { typed } : {}) }) } };
  }

  private async reportSave(turn: Turn, result: SaveResult): Promise<CardOutcome> {
    switch (result.kind) {
      case 'noSurvey':
        await turn.send({
          text: "I can't find the survey this card belongs to. Please type the code from your invitation to carry on.",
        });
        return;
      case 'expired':
        await turn.send({
          text: 'This invitation has expired, so I could not save that. Please ask your practitioner for a new one — anything you already answered is kept.',
        });
        return;
      case 'refused':
        await turn.send({ text: result.message });
        return;
      case 'completed':
        await turn.send({ text: COMPLETED_READ_ONLY });
        return;
      case 'savedElsewhere': {
        const next = result.next
          ? ` Section ${sectionNumber(this.bank, result.next).index} is the next one still to answer.`
          : '';
        await turn.send({
          text: `This section was already saved from another device, so I have kept those answers and not changed them.${next}`,
        });
        return;
      }
      case 'incomplete': {
        // For a client that did not check the card itself: the same card again, with what was given kept.
        const saved = { term: '', savedAt: '', values: result.given };
        const card = sectionCard(this.bank, {
          section: result.section,
          role: result.invitation.role,
          code: result.invitation.code,
          actionType: turn.cardActionType,
          saved,
          notice: result.message,
          missing: result.missing,
          helpNow: this.familyHelpText,
          easyRead: Boolean(result.state.easyRead),
        });
        return { replaceWith: { text: result.message, card } };
      }
      case 'saved': {
        const { index, total } = sectionNumber(this.bank, result.section);
        const title =
          result.section === TEXT_SECTION ? 'In your own words' : this.bank.outcome(result.section).shortName;
        // A replayed or double-clicked submission is stored once and does not send the next card again.
        if (result.duplicate) {
          await turn.send({ text: `Already saved: ${title} (section ${index} of ${total}). Nothing has changed.` });
          return;
        }
        if (turn.canReplaceCards) {
          // Teams: the next section follows, and the pressed card becomes the confirmation.
          await this.sendNext(turn, result);
          return {
            replaceWith: { text: `Saved section ${index}.`, card: sectionSavedCard(this.bank, result.answers) },
          };
        } else {
          // Web Chat: one message per step, the confirmation on top of the next section.
          await this.sendNext(turn, result, `✅ Saved: ${title} (section ${index} of ${total}).`);
        }
      }
    }
  }

  private async sendNext(turn: Turn, position: SurveyPosition, lead = ''): Promise<void> {
    if (!position.next) {
      const answered = this.bank.outcomes.map((o) => o.id).filter((o) => position.state.sections[o]);
      const entries = (await this.youSaid?.current(answered)) ?? [];
      const youSaid = entries
        .slice(0, MAX_YOU_SAID_ON_END_CARD)
        .map((e) => youSaidLine(e, this.bank.outcome(e.outcome).shortName));
      await turn.send({
        text: 'Thank you — your survey is complete.',
        card: surveyCompleteCard(position.invitation.reviewRef, position.invitation.role, lead, youSaid),
      });
      return;
    }
    const { index, total } = sectionNumber(this.bank, position.next);
    const card = this.cardFor(turn, position, { lead });
    await turn.send({ text: lead ? `${lead} Section ${index} of ${total}.` : `Section ${index} of ${total}`, card });
  }

  /** The card for where a respondent is up to, in the scale they chose, with every answer kept so far. */
  private cardFor(
    turn: Turn,
    position: SurveyPosition,
    extra: { lead?: string; answers?: Record<string, string>; typed?: Record<string, string> },
  ) {
    const section = position.next!;
    const kept = partialValues(position.state, section);
    const { state } = position;
    return sectionCard(this.bank, {
      section,
      role: position.invitation.role,
      code: position.invitation.code,
      actionType: turn.cardActionType,
      saved: position.state.sections[section] ?? { values: kept },
      answers: Object.fromEntries(Object.entries(kept).map(([id, n]) => [id, cardValueOf(n)])),
      scale: state.scale,
      easyRead: Boolean(state.easyRead),
      // Asked once, at the start of a child's survey: not again once said, or once anything is answered.
      askWho: state.role === 'cyp' && !state.whoAnswered && !hasBegun(state),
      assetBaseUrl: this.assetBaseUrl,
      helpNow: this.familyHelpText,
      ...extra,
    });
  }

  private usesFaces(position: SurveyPosition): boolean {
    return position.invitation.role === 'cyp' && (position.state.scale ?? 'faces') === 'faces';
  }

  /** "You're on question 2 of 3 in section 1 of 7 (Voice): …" — where the family is up to. */
  private whereText(position: SurveyPosition): string {
    const section = position.next!;
    const { index, total } = sectionNumber(this.bank, section);
    const name = section === TEXT_SECTION ? 'In your own words' : this.bank.outcome(section).shortName;
    if (section !== TEXT_SECTION && this.usesFaces(position)) {
      const ids = this.bank.questionsFor(section, 'cyp').map((q) => q.id);
      const kept = partialValues(position.state, section);
      const at =
        Math.max(
          0,
          ids.findIndex((id) => kept[id] === undefined),
        ) + 1;
      return `You're on question ${at} of ${ids.length} in section ${index} of ${total} (${name}): tap a face on the latest card when you're ready.`;
    }
    return `You're on section ${index} of ${total} (${name}): the latest card is waiting when you're ready.`;
  }

  private notCurrentText(result: Extract<AnswerResult, { kind: 'notCurrent' }>): string {
    const was = result.kept === undefined ? '' : ` (you picked: ${this.label(result.kept)})`;
    const why = result.savedSection
      ? `That card is from a section you already answered and saved${was}, so I have not changed anything.`
      : result.kept !== undefined
        ? `You already answered that question on an earlier card${was}, so I have not changed anything.`
        : 'That card is not the current question, so I have not changed anything.';
    return result.next ? `${why} ${this.whereText(result)}` : `${why} Your survey is complete.`;
  }

  private stepLabel(position: SurveyPosition): string {
    const { index, total } = sectionNumber(this.bank, position.next!);
    return `Section ${index} of ${total}`;
  }

  /** A kept answer in the family's words: 0 is "prefer not to say", UNCLEAR "I don't understand". */
  private label(value: number): string | undefined {
    if (value === UNCLEAR) return UNCLEAR_LABEL;
    return value === 0
      ? this.bank.data.scale.skipLabel
      : this.bank.data.scale.points.find((p) => p.score === value)?.label;
  }
}

const COMPLETED_READ_ONLY =
  'Your survey is already complete, so your answers can no longer be changed — thank you. Nothing has been changed. If something is different now, please tell your practitioner.';

function welcomeText(position: SurveyPosition): string {
  const who =
    position.invitation.role === 'cyp'
      ? 'Hello! These questions are about you and the help you get.'
      : 'Hello, and thank you for taking part. These questions are about your child, your family and the support you get.';
  return `${who} There are 7 short sections. Each section is saved as soon as you finish it, so you can stop and come back any time using the same link or code. You can always choose "Prefer not to say".`;
}
