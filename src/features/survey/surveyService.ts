import type { WorryAlertsService } from '../worries/worryAlertsService.js';
import type { Clock } from '../../domain/clock.js';
import { readCodeFromText } from '../../domain/invitations/invitationCode.js';
import type { SavedSection, RespondentState } from './domain/respondentState.js';
import {
  chatFingerprint,
  compactValue,
  hasBegun,
  mayChangeSection,
  partialValues,
  sameSection,
  savedSectionIds,
  withPartial,
  WHO_ANSWERED,
  type WhoAnswered,
} from './domain/respondentState.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import { z } from 'zod';
import {
  cardValueOf,
  checkSectionSubmission,
  compactOfCardValue,
  SKIP_VALUE,
  UNCLEAR_VALUE,
  type SectionAnswers,
} from './domain/sectionSubmission.js';
import {
  firstUnansweredSection,
  isSectionId,
  sectionOrder,
  sectionQuestionIds,
  TEXT_SECTION,
  type SectionId,
} from './domain/sections.js';
import type { TermCalendar } from '../../domain/terms/termCalendar.js';
import type { ThemeList } from '../themes/domain/themeList.js';
import type {
  AnswerRow,
  ConversationBindings,
  Invitation,
  InvitationStore,
  RespondentRecords,
} from './surveyStores.js';
import type { InvitationService } from '../invitations/invitationService.js';

export const MAX_FAILED_CODES = 5;
const REPLACED =
  'This link has been replaced by a newer one, so I have not saved that. Please use the latest link or code from your practitioner — anything you already answered is kept.';
export const FAILED_CODE_WINDOW_MS = 60 * 60 * 1000;

export type SurveyPosition = { invitation: Invitation; state: RespondentState; next: SectionId | undefined };

export type RedeemResult =
  | { kind: 'notACode' }
  | { kind: 'locked'; minutes: number }
  | { kind: 'unknown'; attemptsLeft: number }
  | { kind: 'expired' }
  /** A fresh link replaced this code. */
  | { kind: 'replaced' }
  | { kind: 'completed' }
  | ({ kind: 'started'; resumed: boolean } & SurveyPosition);

export type SaveResult =
  | { kind: 'refused'; message: string }
  /** Some questions have no answer: the card is shown again with the given answers kept. */
  | ({
      kind: 'incomplete';
      section: SectionId;
      message: string;
      missing: string[];
      given: Record<string, number>;
    } & SurveyPosition)
  /** The survey is complete, so nothing in it changes any more. */
  | { kind: 'completed' }
  /** The section was saved from another chat; only that chat may change it. */
  | { kind: 'savedElsewhere'; next: SectionId | undefined }
  | { kind: 'noSurvey' }
  | { kind: 'expired' }
  | ({ kind: 'saved'; section: SectionId; duplicate: boolean; answers: SectionAnswers } & SurveyPosition);

export type AnswerResult =
  | SaveResult
  | ({ kind: 'nextQuestion'; section: SectionId; answers: Record<string, string> } & SurveyPosition)
  /** The same face again on a card just answered (a double tap, a re-sent turn): nothing changes. */
  | ({ kind: 'repeat' } & SurveyPosition)
  /**
   * A card that is no longer the current question: nothing changes. `kept` is the answer already held for
   * its question (score, 0 for "prefer not to say"), if any; `savedSection` when its section is saved.
   */
  | ({ kind: 'notCurrent'; kept?: number; savedSection: boolean } & SurveyPosition);

/** A second press of the same face this soon after the first is a double tap or a re-sent turn, not a new answer. */
export const REPEAT_WINDOW_MS = 30_000;

const answerValue = z.enum(['1', '2', '3', '4', '5', SKIP_VALUE, UNCLEAR_VALUE]);
const facePress = z.object({
  code: z.string().max(40),
  section: z.string().max(40),
  bankVersion: z.string().max(40),
  question: z.string().max(60),
  answer: answerValue,
  // Earlier answers of the section, carried by the card; only the section's own question ids are read.
  answers: z.record(z.string().max(60), answerValue).optional().default({}),
});
/** How the survey is shown: faces or numbers, and easy read or the framework's words (one or both). */
const scaleChoice = z
  .looseObject({
    code: z.string().max(40),
    scale: z.enum(['faces', 'numbers']).optional(),
    easyRead: z.boolean().optional(),
    // The numbers card names its section, and Action.Submit carries what is ticked on it.
    section: z.string().max(40).optional(),
  })
  .refine((c) => c.scale !== undefined || c.easyRead !== undefined);
/** "Who is answering?" on a child's first card: optional, so a blank choice is simply not said. */
const whoAnsweredChoice = z.enum(WHO_ANSWERED);

/** Who answered, as carried by a child's first card (any of its buttons submits the card's inputs). */
function whoAnsweredIn(payload: Record<string, unknown>): WhoAnswered | undefined {
  const parsed = whoAnsweredChoice.safeParse(payload.whoAnswered);
  return parsed.success ? parsed.data : undefined;
}

/** The state with who answered recorded: asked once, so a later card never changes what was said. */
function withWhoAnswered(state: RespondentState, who: WhoAnswered | undefined): RespondentState {
  return who && state.role === 'cyp' && !state.whoAnswered ? { ...state, whoAnswered: who } : state;
}

/** The family's side of the survey: codes, resuming, and saving one section at a time. No Teams here. */
export class SurveyService {
  constructor(
    private readonly bank: QuestionBank,
    /** What a family's own words are counted under, kept in the compact copy of each saved comment. */
    private readonly themes: ThemeList,
    private readonly terms: TermCalendar,
    private readonly clock: Clock,
    private readonly invitations: InvitationStore,
    private readonly conversations: ConversationBindings,
    private readonly respondents: RespondentRecords,
    private readonly invitationService: InvitationService,
    /** Worries in what a family writes reach a person the same day (see WorryAlertsService). */
    private readonly worries?: Pick<WorryAlertsService, 'hold' | 'settle'>,
  ) {}

  async redeem(conversationId: string, text: string): Promise<RedeemResult> {
    const code = readCodeFromText(text);
    if (!code) return { kind: 'notACode' };
    const now = this.clock.now();
    const failures = await this.conversations.recentFailures(conversationId, FAILED_CODE_WINDOW_MS, now);
    if (failures.length >= MAX_FAILED_CODES) {
      const unlockAt = Date.parse(failures[failures.length - MAX_FAILED_CODES]) + FAILED_CODE_WINDOW_MS;
      return { kind: 'locked', minutes: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000)) };
    }
    const invitation = await this.invitations.get(code);
    if (!invitation) {
      const count = await this.conversations.recordFailure(conversationId, FAILED_CODE_WINDOW_MS, now);
      return count >= MAX_FAILED_CODES
        ? { kind: 'locked', minutes: 60 }
        : { kind: 'unknown', attemptsLeft: MAX_FAILED_CODES - count };
    }
    if (invitation.revokedAt) return { kind: 'replaced' };
    if (this.isExpired(invitation)) return { kind: 'expired' };
    await this.invitationService.ensureRespondent(invitation.reviewRef, invitation.role, invitation.term);
    const state = await this.respondents.read(invitation.reviewRef, invitation.role);
    if (!state || state.completedAt) return { kind: 'completed' };
    await this.conversations.bind(conversationId, code, now);
    await this.invitations.markOpened(invitation, now.toISOString());
    const next = firstUnansweredSection(this.bank, savedSectionIds(state));
    return { kind: 'started', resumed: hasBegun(state), invitation, state, next };
  }

  /**
   * What a personal link leads to, for the family page. Does not count as a failed attempt (the page
   * is rate-limited per address instead) and changes nothing.
   */
  async checkLink(text: string): Promise<'ok' | 'malformed' | 'unknown' | 'expired' | 'completed' | 'replaced'> {
    const code = readCodeFromText(text);
    if (!code) return 'malformed';
    const invitation = await this.invitations.get(code);
    if (!invitation) return 'unknown';
    if (invitation.revokedAt) return 'replaced';
    if (this.isExpired(invitation)) return 'expired';
    const state = await this.respondents.read(invitation.reviewRef, invitation.role);
    return state?.completedAt ? 'completed' : 'ok';
  }

  /** Binds a new Direct Line conversation to the invitation of a personal link (production token exchange). */
  async bindLink(conversationId: string, text: string): Promise<void> {
    const code = readCodeFromText(text);
    const invitation = code ? await this.invitations.get(code) : undefined;
    if (!invitation || invitation.revokedAt) return;
    await this.conversations.bind(conversationId, invitation.code, this.clock.now());
    await this.invitations.markOpened(invitation, this.clock.now().toISOString());
  }

  /** Where a bound conversation is up to, or undefined when it is not bound to a live invitation. */
  async position(conversationId: string): Promise<SurveyPosition | undefined> {
    const code = await this.conversations.boundCode(conversationId);
    const invitation = code ? await this.invitations.get(code) : undefined;
    if (!invitation || invitation.revokedAt) return undefined;
    const state = await this.respondents.read(invitation.reviewRef, invitation.role);
    if (!state) return undefined;
    return { invitation, state, next: firstUnansweredSection(this.bank, savedSectionIds(state)) };
  }

  /** The invitation a pressed card may act on: bound to this chat, the same code and edition, not expired. */
  private async cardInvitation(
    conversationId: string,
    payload: Record<string, unknown>,
    opts: { checkEdition: boolean },
  ): Promise<{ invitation: Invitation } | { refusal: SaveResult }> {
    const code = typeof payload.code === 'string' ? payload.code : undefined;
    let bound = await this.conversations.boundCode(conversationId);
    // Another instance may have bound this chat to a new code since we cached it: check before refusing.
    if (bound !== code) bound = await this.conversations.boundCode(conversationId, { fresh: true });
    if (!bound) return { refusal: (await this.isCompletedCode(code)) ? { kind: 'completed' } : { kind: 'noSurvey' } };
    if (!code || code !== bound || (opts.checkEdition && payload.bankVersion !== this.bank.version)) {
      return {
        refusal: {
          kind: 'refused',
          message:
            'This card belongs to a different survey, so I have not saved it. Please answer the latest card I sent you.',
        },
      };
    }
    const invitation = await this.invitations.get(code);
    if (!invitation) return { refusal: { kind: 'noSurvey' } };
    if (invitation.revokedAt) return { refusal: { kind: 'refused', message: REPLACED } };
    if (this.isExpired(invitation)) return { refusal: { kind: 'expired' } };
    return { invitation };
  }

  /**
   * A child tapped a face (or "prefer not to say") for one question. The tap is kept at once (a partial
   * section in the respondent's state); the tap on the section's last question saves the whole section.
   * Only the current question's card counts: a card already answered, or not reached, changes nothing.
   */
  async answerQuestion(conversationId: string, payload: Record<string, unknown>): Promise<AnswerResult> {
    const access = await this.cardInvitation(conversationId, payload, { checkEdition: true });
    if ('refusal' in access) return access.refusal;
    const { invitation } = access;
    const state = await this.respondents.read(invitation.reviewRef, invitation.role);
    if (!state) return { kind: 'noSurvey' };
    if (state.completedAt) return { kind: 'completed' };
    const parsed = facePress.safeParse(payload);
    if (!parsed.success)
      return {
        kind: 'refused',
        message: 'I could not read that answer. Please tap one of the faces on the latest card.',
      };
    const { section, question, answer, code, bankVersion } = parsed.data;
    if (!isSectionId(this.bank, section) || section === TEXT_SECTION)
      return {
        kind: 'refused',
        message: 'This card is not part of your survey. Please use the latest card I sent you.',
      };
    const ids = sectionQuestionIds(this.bank, section, invitation.role);
    if (!ids.includes(question))
      return {
        kind: 'refused',
        message: 'This card is not part of your survey. Please use the latest card I sent you.',
      };
    if (mayChangeSection(state, section, chatFingerprint(conversationId)) === 'otherChat')
      return { kind: 'savedElsewhere', next: firstUnansweredSection(this.bank, savedSectionIds(state)) };
    const value = compactOfCardValue(answer);
    const who = whoAnsweredIn(payload);
    const now = this.clock.now();
    // A card made before taps were kept carries the section's earlier answers: what is stored wins.
    const carried: Record<string, number> = {};
    for (const id of ids) {
      const given = parsed.data.answers[id];
      if (given !== undefined) carried[id] = compactOfCardValue(given);
    }

    let stale: { kept?: number; savedSection: boolean; lastAt?: string } | undefined;
    let last = false;
    let answers: Record<string, number> = {};
    const result = await this.respondents.mutate(invitation.reviewRef, invitation.role, (current) => {
      stale = undefined;
      last = false;
      if (!current || current.completedAt) return undefined;
      const known = { ...carried, ...partialValues(current, section) };
      const saved = current.sections[section];
      const currentQuestion =
        !saved && firstUnansweredSection(this.bank, savedSectionIds(current)) === section
          ? ids.find((id) => known[id] === undefined)
          : undefined;
      if (question !== currentQuestion) {
        const kept = saved ? saved.values[question] : known[question];
        stale = {
          savedSection: Boolean(saved),
          ...(typeof kept === 'number' ? { kept } : {}),
          lastAt: saved ? saved.savedAt : current.partial?.[section]?.at,
        };
        return undefined;
      }
      answers = { ...known, [question]: value };
      // The last question: the section is saved as one (below), not kept as a partial.
      if (ids.every((id) => answers[id] !== undefined)) {
        last = true;
        return undefined;
      }
      return {
        next: withPartial(withWhoAnswered(current, who), section, answers, now.toISOString()),
        writes: [],
        deletes: [],
      };
    });
    const after = result.state;
    if (!after) return { kind: 'noSurvey' };
    if (after.completedAt) return { kind: 'completed' };
    const position = { invitation, state: after, next: firstUnansweredSection(this.bank, savedSectionIds(after)) };
    const wasStale = stale as { kept?: number; savedSection: boolean; lastAt?: string } | undefined;
    if (wasStale) {
      const recent = wasStale.lastAt !== undefined && now.getTime() - Date.parse(wasStale.lastAt) < REPEAT_WINDOW_MS;
      if (wasStale.kept === value && recent) return { kind: 'repeat', ...position };
      return {
        kind: 'notCurrent',
        savedSection: wasStale.savedSection,
        ...(wasStale.kept !== undefined ? { kept: wasStale.kept } : {}),
        ...position,
      };
    }
    if (last) {
      const saved = await this.saveFor(invitation, conversationId, {
        code,
        section,
        bankVersion,
        ...(who ? { whoAnswered: who } : {}),
        ...asCardAnswers(answers),
      });
      // Two taps of the last face at once: the second finds the section saved with the same answers.
      if (saved.kind === 'saved' && saved.duplicate) return { kind: 'repeat', ...position, state: saved.state };
      return saved;
    }
    return { kind: 'nextQuestion', section, answers: asCardAnswers(answers), ...position, next: section };
  }

  /**
   * A family chose how the survey is shown — faces or numbers (a child), easy read or the framework's words
   * (anyone): remembered for this survey (on any device), and the current section shown that way, with every
   * answer already given in it. From a numbers card, what is ticked on it is kept too.
   */
  async chooseScale(
    conversationId: string,
    payload: Record<string, unknown>,
  ): Promise<SaveResult | Extract<AnswerResult, { kind: 'nextQuestion' }>> {
    const parsed = scaleChoice.safeParse(payload);
    if (!parsed.success)
      return { kind: 'refused', message: 'I could not read that choice. Please use the buttons on the latest card.' };
    const access = await this.cardInvitation(conversationId, payload, { checkEdition: false });
    if ('refusal' in access) return access.refusal;
    const { invitation } = access;
    const at = this.clock.now().toISOString();
    const result = await this.respondents.mutate(invitation.reviewRef, invitation.role, (current) => {
      if (!current || current.completedAt) return undefined;
      const { scale, easyRead } = parsed.data;
      let next = scale !== undefined && current.scale !== scale ? { ...current, scale } : current;
      if (easyRead !== undefined && Boolean(next.easyRead) !== easyRead) {
        const { easyRead: _was, ...rest } = next;
        next = easyRead ? { ...rest, easyRead: true } : rest;
      }
      next = withWhoAnswered(next, whoAnsweredIn(payload));
      const section = firstUnansweredSection(this.bank, savedSectionIds(current));
      const ticked = section && parsed.data.section === section ? this.tickedAnswers(section, current, payload) : {};
      if (section && Object.keys(ticked).length > 0)
        next = withPartial(next, section, { ...partialValues(current, section), ...ticked }, at);
      return next === current ? undefined : { next, writes: [], deletes: [] };
    });
    const state = result.state;
    if (!state) return { kind: 'noSurvey' };
    if (state.completedAt) return { kind: 'completed' };
    const next = firstUnansweredSection(this.bank, savedSectionIds(state));
    const answers = next ? asCardAnswers(partialValues(state, next)) : {};
    return { kind: 'nextQuestion', section: next ?? TEXT_SECTION, answers, invitation, state, next };
  }

  /** Scores ticked on a numbers card (sent with its scale button), for the questions of its section. */
  private tickedAnswers(section: SectionId, state: RespondentState, payload: Record<string, unknown>) {
    const ticked: Record<string, number> = {};
    if (section === TEXT_SECTION) return ticked;
    for (const id of sectionQuestionIds(this.bank, section, state.role)) {
      const v = answerValue.safeParse(payload[id]);
      if (v.success) ticked[id] = compactOfCardValue(v.data);
    }
    return ticked;
  }

  async saveSection(conversationId: string, payload: Record<string, unknown>): Promise<SaveResult> {
    const access = await this.cardInvitation(conversationId, payload, { checkEdition: true });
    if ('refusal' in access) return access.refusal;
    return this.saveFor(access.invitation, conversationId, payload);
  }

  private async saveFor(
    invitation: Invitation,
    conversationId: string,
    payload: Record<string, unknown>,
  ): Promise<SaveResult> {
    const checked = checkSectionSubmission(this.bank, invitation.role, String(payload.section ?? ''), payload);
    if (!checked.ok && checked.missing) {
      const section = String(payload.section) as SectionId;
      const given = checked.missing.given;
      const at = this.clock.now().toISOString();
      // What was given is kept, as a face tap is, until the section is saved.
      const kept = await this.respondents.mutate(invitation.reviewRef, invitation.role, (current) =>
        current && !current.completedAt && !current.sections[section] && Object.keys(given).length > 0
          ? {
              next: withPartial(current, section, { ...partialValues(current, section), ...given }, at),
              writes: [],
              deletes: [],
            }
          : undefined,
      );
      const state = kept.state;
      if (!state) return { kind: 'noSurvey' };
      if (state.completedAt) return { kind: 'completed' };
      return {
        kind: 'incomplete',
        section,
        message: checked.message,
        missing: checked.missing.questionIds,
        given: checked.missing.given,
        invitation,
        state,
        next: section,
      };
    }
    if (!checked.ok) return { kind: 'refused', message: checked.message };
    // Held (pending) before the save: a worry in a save that commits is kept even if the process dies next.
    const worries = await this.worries?.hold(invitation, checked.value);

    const now = this.clock.now();
    const today = this.clock.today();
    const term = this.terms.termOf(today).id;
    const section = checked.value.section;
    const chat = chatFingerprint(conversationId);
    const saved = toSavedSection(checked.value, term, now.toISOString(), chat, this.themes);
    let duplicate = false;
    let refusal: 'completed' | 'otherChat' | undefined;
    const result = await this.respondents.mutate(invitation.reviewRef, invitation.role, (current) => {
      if (!current) return undefined;
      // A double click or a re-sent turn is acknowledged again, whoever sent it: nothing changes.
      if (sameSection(current.sections[section], saved)) {
        duplicate = true;
        return undefined;
      }
      const may = mayChangeSection(current, section, chat);
      if (may !== 'yes') {
        refusal = may;
        return undefined;
      }
      const sections = { ...current.sections, [section]: saved };
      const complete = sectionOrder(this.bank).every((s) => sections[s]);
      // The faces kept for the section become its saved answers, in the same write.
      const next: RespondentState = {
        ...withPartial(withWhoAnswered(current, whoAnsweredIn(payload)), section, {}, saved.savedAt),
        sections,
        ...(complete && !current.completedAt ? { completedAt: now.toISOString() } : {}),
      };
      return { next, writes: toAnswerRows(checked.value, term, today), deletes: [] };
    });
    // Only a save that changed what is stored raises alerts; a refused one or a duplicate raises nothing.
    if (worries) await this.worries?.settle(worries, result.changed);
    const state = result.state ?? (await this.respondents.read(invitation.reviewRef, invitation.role));
    if (!state) return { kind: 'noSurvey' };
    if (refusal === 'completed') return { kind: 'completed' };
    if (refusal === 'otherChat')
      return { kind: 'savedElsewhere', next: firstUnansweredSection(this.bank, savedSectionIds(state)) };
    return {
      kind: 'saved',
      section,
      duplicate,
      answers: checked.value,
      invitation,
      state,
      next: firstUnansweredSection(this.bank, savedSectionIds(state)),
    };
  }

  /** A card from a completed survey, pressed in a chat that never held it, is still told so kindly. */
  private async isCompletedCode(code: string | undefined): Promise<boolean> {
    const parsed = code ? readCodeFromText(code) : undefined;
    const invitation = parsed ? await this.invitations.get(parsed) : undefined;
    return invitation
      ? Boolean((await this.respondents.read(invitation.reviewRef, invitation.role))?.completedAt)
      : false;
  }

  private isExpired(invitation: Invitation): boolean {
    return this.clock.today() > invitation.expiresAt;
  }
}

/** Kept answers as a faces card carries them ("4", or "skip" for prefer not to say). */
function asCardAnswers(values: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([id, n]) => [id, cardValueOf(n)]));
}

function toSavedSection(
  answers: SectionAnswers,
  term: string,
  savedAt: string,
  savedBy: string,
  themes: ThemeList,
): SavedSection {
  const values: Record<string, number | string> = {};
  for (const a of answers.answers) values[a.questionId] = compactValue(a, themes);
  return { term, savedAt, values, savedBy };
}

function toAnswerRows(answers: SectionAnswers, term: string, submittedOn: string): AnswerRow[] {
  return answers.answers.map((a) => ({
    questionId: a.questionId,
    section: answers.section,
    term,
    submittedOn,
    skipped: a.skipped,
    ...(a.unclear ? { unclear: true as const } : {}),
    ...(a.score !== undefined ? { score: a.score } : {}),
    ...(a.text !== undefined ? { text: a.text } : {}),
  }));
}
