import { createHash } from 'node:crypto';
import type { Clock } from '../../domain/clock.js';
import { oneWorkingDayAfter } from './domain/workingDay.js';
import type { WorryPhrases } from './domain/worryPhrases.js';
import type { QuestionBank } from '../../domain/survey/questionBank.js';
import type { SectionAnswers } from '../survey/domain/sectionSubmission.js';
import type { ConversationAddress, Reply } from '../../ports/messages.js';
import { noStaffNames, type StaffNames } from '../../domain/text/displayNames.js';
import type { ProactiveSender } from '../digests/digestStores.js';
import type { Invitation, InvitationStore, RespondentRecords } from '../survey/surveyStores.js';
import type { WorryAlert, WorryAlertStore } from './worryStores.js';

/** Who can be reached in a 1:1 chat, and who the administrators are (for escalation). */
export type StaffDirectory = {
  personalChat(userId: string): Promise<ConversationAddress | undefined>;
  administrators(): Promise<string[]>;
  /** Staff ids to names to show (the address book's); without it, everyone reads "a member of staff". */
  names?: StaffNames;
};

export type AlertMessage = { alert: WorryAlert; escalated: boolean };

/** A claim on sending older than this is taken to have died with its instance, and is sent again. */
const STALE_SENDING_MS = 5 * 60_000;
/**
 * A pending alert older than this lost its save's outcome (the process died between storing it and
 * settling it): the periodic run decides from the stored answer. Long enough for any save to finish.
 */
export const PENDING_SETTLE_MS = 2 * 60_000;

/** The alerts one save attempt holds pending until the save's outcome is known. */
export type HeldWorries = {
  alerts: WorryAlert[];
  /** The ETags of the pending alerts this attempt created: the only ones a refusal may remove. */
  created: Map<string, string>;
};

/**
 * Worries reach a person the same day. When a family saves answers, each free-text answer with a phrase
 * from the reviewed list (seeds/worry-phrases.json), and each "strongly disagree" on feeling safe, becomes
 * an alert — once per answer, however often it is saved, and only from a save that was accepted (a
 * refused one, "already complete" or "saved from another device", must not page anyone). The alert is
 * stored pending before the save, so a crash between the save and its alert loses nothing; the save's
 * outcome makes it new or removes it, before the family is told "Saved". A new alert is sent at once to
 * the practitioner who made the invitation, in their 1:1 chat with the bot, with an "I have seen this"
 * button. Not acknowledged within one working day, it goes to the administrators, once. With no way to
 * reach the practitioner, it goes to the administrators at once.
 */
export class WorryAlertsService {
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly phrases: WorryPhrases,
    private readonly bank: QuestionBank,
    private readonly invitations: InvitationStore,
    private readonly alerts: WorryAlertStore,
    /** Where a pending alert whose save's outcome was lost is checked against what was stored. */
    private readonly respondents: Pick<RespondentRecords, 'answerRows'>,
    private readonly staff: StaffDirectory,
    /** How an alert reaches a 1:1 chat outside any turn (the channel layer). */
    private readonly sender: ProactiveSender,
    private readonly clock: Clock,
    private readonly render: (message: AlertMessage) => Reply,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  /** The alerts a section's answers raise (none for most). Pure: nothing is stored. */
  worriesIn(
    invitation: Pick<Invitation, 'reviewRef' | 'role'>,
    answers: SectionAnswers,
  ): Omit<WorryAlert, 'inviter' | 'status' | 'raisedAt'>[] {
    const out: Omit<WorryAlert, 'inviter' | 'status' | 'raisedAt'>[] = [];
    for (const a of answers.answers) {
      if (a.text !== undefined) {
        const found = this.phrases.find(a.text);
        if (found.length === 0) continue;
        const prompt = this.bank.promptsFor(invitation.role).find((p) => p.id === a.questionId)?.prompt ?? a.questionId;
        out.push({
          id: alertId(invitation, a.questionId, a),
          reviewRef: invitation.reviewRef,
          role: invitation.role,
          questionId: a.questionId,
          asked: `${prompt}…`,
          answer: a.text,
          reasons: found.map((f) => `"${f.phrase}"`),
        });
      } else if (!a.skipped && this.phrases.isUnsafeScore(a.questionId, a.score)) {
        const question = this.bank.scoredQuestion(a.questionId);
        out.push({
          id: alertId(invitation, a.questionId, a),
          reviewRef: invitation.reviewRef,
          role: invitation.role,
          questionId: a.questionId,
          asked: question?.text ?? a.questionId,
          answer: 'Strongly disagree',
          reasons: ['"strongly disagree" on feeling safe'],
        });
      }
    }
    return out;
  }

  /**
   * Before a save: stores the alerts its answers raise as pending (not sent, listed or escalated), so a
   * worry in a save that commits is kept even if the process dies before `settle`.
   */
  async hold(invitation: Pick<Invitation, 'reviewRef' | 'role'>, answers: SectionAnswers): Promise<HeldWorries> {
    const worries = this.worriesIn(invitation, answers);
    const held: HeldWorries = { alerts: [], created: new Map() };
    if (worries.length === 0) return held;
    const inviter = await this.inviterOf(invitation.reviewRef, invitation.role);
    const raisedAt = this.clock.now().toISOString();
    for (const w of worries) {
      const alert: WorryAlert = { ...w, ...(inviter ? { inviter } : {}), status: 'pending', raisedAt };
      held.alerts.push(alert);
      const etag = await this.alerts.create(alert);
      if (etag) held.created.set(alert.id, etag);
    }
    return held;
  }

  /**
   * After the save: accepted (it changed what is stored), its alerts become new and are sent without
   * holding up the family's turn; refused (or a duplicate, whose alert the first save raised), only the
   * pending alerts this attempt created are removed — never one another save raised with the same words.
   * Returns how many alerts this raised. If it fails, the periodic run settles what is left pending.
   */
  async settle(held: HeldWorries, accepted: boolean): Promise<number> {
    if (!accepted) {
      for (const [id, etag] of held.created) await this.alerts.remove(id, etag);
      return 0;
    }
    let raised = 0;
    for (const alert of held.alerts) if (await this.raise(alert, held.created.get(alert.id))) raised++;
    if (raised > 0) this.kick();
    return raised;
  }

  /** Raises the alerts of answers already saved (hold and settle in one, for a save known to be accepted). */
  async noteAnswers(invitation: Pick<Invitation, 'reviewRef' | 'role'>, answers: SectionAnswers): Promise<number> {
    return this.settle(await this.hold(invitation, answers), true);
  }

  /** Resolves when the sends started by recent saves have finished (tests, and a clean stop). */
  idle(): Promise<void> {
    return this.inFlight;
  }

  /**
   * Settles pending alerts whose save's outcome was lost, sends what is new (or whose sender died), and
   * escalates what is overdue. Run every minute or so.
   */
  async run(): Promise<{ sent: number; escalated: number; raised: number; dropped: number }> {
    const now = this.clock.now();
    const { raised, dropped } = await this.settleLost(now);
    let sent = 0;
    let escalated = 0;
    for (const alert of await this.alerts.open()) {
      const stale =
        alert.status === 'sending' &&
        now.getTime() - Date.parse(alert.sendingSince ?? alert.raisedAt) > STALE_SENDING_MS;
      if (alert.status === 'new' || stale) {
        if (await this.deliver(alert)) sent++;
      } else if (
        alert.status === 'sent' &&
        !alert.escalatedAt &&
        now.getTime() >= oneWorkingDayAfter(new Date(alert.sentAt ?? alert.raisedAt)).getTime()
      ) {
        if (await this.escalate(alert)) escalated++;
      }
    }
    return { sent, escalated, raised, dropped };
  }

  /** "I have seen this": the inviting practitioner or an administrator. The same answer for a second press. */
  async acknowledge(
    id: string,
    by: { userId: string; isAdmin: boolean },
  ): Promise<
    { kind: 'acknowledged' | 'already'; alert: WorryAlert; seenBy: string } | { kind: 'notYours' } | { kind: 'unknown' }
  > {
    const done = await this.acknowledgeOnce(id, by);
    if (!('alert' in done)) return done;
    // Who saw it, by name: the alert keeps the id.
    const seenBy = done.alert.acknowledgedBy ?? by.userId;
    const nameOf = await (this.staff.names ?? noStaffNames)([seenBy]);
    return { ...done, seenBy: nameOf(seenBy) };
  }

  private async acknowledgeOnce(
    id: string,
    by: { userId: string; isAdmin: boolean },
  ): Promise<{ kind: 'acknowledged' | 'already'; alert: WorryAlert } | { kind: 'notYours' } | { kind: 'unknown' }> {
    for (;;) {
      const alert = await this.alerts.get(id);
      // A pending alert was never sent: its save may yet be refused.
      if (!alert || alert.status === 'pending') return { kind: 'unknown' };
      if (alert.inviter !== by.userId && !by.isAdmin) return { kind: 'notYours' };
      const { etag, ...plain } = alert;
      if (plain.status === 'acknowledged') return { kind: 'already', alert: plain };
      const next: WorryAlert = {
        ...plain,
        status: 'acknowledged',
        acknowledgedAt: this.clock.now().toISOString(),
        acknowledgedBy: by.userId,
      };
      if (await this.alerts.replace(next, etag)) return { kind: 'acknowledged', alert: next };
    }
  }

  /** Makes an accepted save's alert new: its own pending one, another attempt's, or afresh if one was removed. */
  private async raise(alert: WorryAlert, ownEtag: string | undefined): Promise<boolean> {
    let current = ownEtag ? { ...alert, etag: ownEtag } : await this.alerts.get(alert.id);
    for (;;) {
      if (!current) {
        // A refused attempt (or the run) removed the pending one between our reads.
        if (await this.alerts.create({ ...alert, status: 'new' })) return true;
      } else if (current.status !== 'pending') {
        return false; // raised already, by an earlier save of the same answer
      } else {
        const { etag, ...plain } = current;
        if (await this.alerts.replace({ ...plain, status: 'new' }, etag)) return true;
      }
      current = await this.alerts.get(alert.id);
    }
  }

  /**
   * Pending alerts older than PENDING_SETTLE_MS lost their save's outcome. The respondent's stored answer
   * decides: exactly these words (or this score) for that question means the save was accepted.
   */
  private async settleLost(now: Date): Promise<{ raised: number; dropped: number }> {
    let raised = 0;
    let dropped = 0;
    const lost = await this.alerts.pendingBefore(new Date(now.getTime() - PENDING_SETTLE_MS).toISOString());
    for (const { etag, ...alert } of lost) {
      const stored = (await this.respondents.answerRows(alert.reviewRef, alert.role)).find(
        (r) => r.questionId === alert.questionId && !r.skipped,
      );
      if (stored && alertId(alert, alert.questionId, stored) === alert.id) {
        if (await this.alerts.replace({ ...alert, status: 'new' }, etag)) raised++;
      } else if (await this.alerts.remove(alert.id, etag)) dropped++;
    }
    return { raised, dropped };
  }

  private kick(): void {
    this.inFlight = this.inFlight
      .then(() => this.run())
      .then(
        () => undefined,
        (error: unknown) => this.onError(error),
      );
  }

  /** Claims the alert (ETag), sends it to the practitioner, or to the administrators when that cannot be done. */
  private async deliver(alert: WorryAlert & { etag: string }): Promise<boolean> {
    const { etag, ...plain } = alert;
    const sending: WorryAlert = { ...plain, status: 'sending', sendingSince: this.clock.now().toISOString() };
    const claimed = await this.alerts.replace(sending, etag);
    if (!claimed) return false; // another instance has it
    const address = plain.inviter ? await this.staff.personalChat(plain.inviter) : undefined;
    const outcome = address ? await this.sender(address, this.render({ alert: sending, escalated: false })) : undefined;
    const sent: WorryAlert = { ...sending, status: 'sent', sentAt: this.clock.now().toISOString() };
    if (outcome?.kind === 'sent') return Boolean(await this.alerts.replace(sent, claimed));
    // Nobody could be told: the administrators, now, rather than a working day later.
    const problem = !plain.inviter
      ? 'no invitation names the practitioner'
      : !address
        ? 'the practitioner has no 1:1 chat with the bot yet'
        : `the message could not be sent (${outcome?.kind})`;
    const marked = { ...sent, problem };
    const markedEtag = await this.alerts.replace(marked, claimed);
    return markedEtag ? this.escalate({ ...marked, etag: markedEtag }) : false;
  }

  /** Sends the alert to every administrator with a 1:1 chat, once (recorded before sending). */
  private async escalate({ etag, ...plain }: WorryAlert & { etag: string }): Promise<boolean> {
    const reachable: { userId: string; address: ConversationAddress }[] = [];
    for (const userId of await this.staff.administrators()) {
      const address = await this.staff.personalChat(userId);
      if (address) reachable.push({ userId, address });
    }
    const escalated: WorryAlert = {
      ...plain,
      escalatedAt: this.clock.now().toISOString(),
      escalatedTo: reachable.map((r) => r.userId),
    };
    // Recorded first: two instances running at once escalate it once.
    if (!(await this.alerts.replace(escalated, etag))) return false;
    for (const r of reachable) await this.sender(r.address, this.render({ alert: escalated, escalated: true }));
    return true;
  }

  private async inviterOf(reviewRef: string, role: Invitation['role']): Promise<string | undefined> {
    const made = (await this.invitations.forReview(reviewRef)).filter((i) => i.role === role);
    made.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return made[0]?.createdBy;
  }
}

/** The same answer to the same question of the same respondent is one alert, however often it is saved. */
function alertId(
  respondent: Pick<Invitation, 'reviewRef' | 'role'>,
  questionId: string,
  answer: { text?: string; score?: number },
): string {
  const given = answer.text ?? `score:${answer.score}`;
  return createHash('sha256')
    .update([respondent.reviewRef, respondent.role, questionId, given].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}
