import type { YouSaidService } from '../youSaid/youSaidService.js';
import { youSaidLine } from '../youSaid/youSaidPresenter.js';
import type { SaveResult, SurveyPosition, SurveyService } from './surveyService.js';
import { sectionCard, sectionSavedCard, surveyCompleteCard } from './surveyCards.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import { sectionNumber, TEXT_SECTION } from './domain/sections.js';
import { SKIP_VALUE } from './domain/sectionSubmission.js';
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
    if (result.kind !== 'nextQuestion') return this.reportSave(turn, result);
    // Web Chat keeps the pressed card on screen: the new one says what was picked, so a child can see it counted.
    const picked =
      payload.answer === SKIP_VALUE
        ? this.bank.data.scale.skipLabel
        : this.bank.data.scale.points.find((p) => String(p.score) === payload.answer)?.label;
    const card = this.cardFor(turn, result, { answers: result.answers, lead: picked ? `You picked: ${picked}.` : '' });
    const { index, total } = sectionNumber(this.bank, result.section);
    return { replaceWith: { text: `Section ${index} of ${total}`, card } };
  }

  /** A child chose faces or the numbered scale: the current section again, that way. */
  async chooseScale(turn: Turn, payload: Record<string, unknown>): Promise<CardOutcome> {
    const result = await this.survey.chooseScale(turn.conversationId, payload);
    if (result.kind !== 'nextQuestion') return this.reportSave(turn, result);
    if (!result.next) {
      await turn.send({ text: COMPLETED_READ_ONLY });
      return;
    }
    const lead = result.state.scale === 'numbers' ? 'OK — numbers from 1 to 5 from now on.' : 'OK — faces from now on.';
    return { replaceWith: { text: lead, card: this.cardFor(turn, result, { lead }) } };
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

  /** The card for where a respondent is up to, in the scale they chose. */
  private cardFor(turn: Turn, position: SurveyPosition, extra: { lead?: string; answers?: Record<string, string> }) {
    const section = position.next!;
    return sectionCard(this.bank, {
      section,
      role: position.invitation.role,
      code: position.invitation.code,
      actionType: turn.cardActionType,
      saved: position.state.sections[section],
      scale: position.state.scale,
      assetBaseUrl: this.assetBaseUrl,
      helpNow: this.familyHelpText,
      ...extra,
    });
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
