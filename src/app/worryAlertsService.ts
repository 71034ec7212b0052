import { createHash } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import { oneWorkingDayAfter } from '../domain/worries/workingDay.js';
import type { WorryPhrases } from '../domain/worries/worryPhrases.js';
import type { QuestionBank } from '../domain/survey/questionBank.js';
import type { SectionAnswers } from '../domain/survey/sectionSubmission.js';
import type { ConversationAddress, Reply } from '../ports/messages.js';
import type { ProactiveSender } from '../ports/digestStores.js';
import type { Invitation, InvitationStore } from '../ports/surveyStores.js';
import type { WorryAlert, WorryAlertStore } from '../ports/worryStores.js';

/** Who can be reached in a 1:1 chat, and who the administrators are (for escalation). */
export type StaffDirectory = {
  personalChat(userId: string): Promise<ConversationAddress | undefined>;
  administrators(): Promise<string[]>;
};

export type AlertMessage = { alert: WorryAlert; escalated: boolean };

/** A claim on sending older than this is taken to have died with its instance, and is sent again. */
const STALE_SENDING_MS = 5 * 60_000;

/**
 * Worries reach a person the same day. When a family saves answers, each free-text answer with a phrase
 * from the reviewed list (seeds/worry-phrases.json), and each "strongly disagree" on feeling safe, becomes
 * an alert — once per answer, however often it is saved. The alert is stored before the family is told
 * "Saved", then sent at once to the practitioner who made the invitation, in their 1:1 chat with the bot,
 * with an "I have seen this" button. Not acknowledged within one working day, it goes to the
 * administrators, once. With no way to reach the practitioner, it goes to the administrators at once.
 */
export class WorryAlertsService {
  private sender?: ProactiveSender;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly phrases: WorryPhrases,
    private readonly bank: QuestionBank,
    private readonly invitations: InvitationStore,
    private readonly alerts: WorryAlertStore,
    private readonly staff: StaffDirectory,
    private readonly clock: Clock,
    private readonly render: (message: AlertMessage) => Reply,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  useSender(sender: ProactiveSender): void {
    this.sender = sender;
  }

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
          id: fingerprint(invitation.reviewRef, invitation.role, a.questionId, a.text),
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
          id: fingerprint(invitation.reviewRef, invitation.role, a.questionId, `score:${a.score}`),
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
   * Stores the alerts a save raises (before the save itself, so a worry a family wrote is kept even if the
   * save then fails), and starts sending them without holding up the family's turn.
   */
  async noteAnswers(invitation: Pick<Invitation, 'reviewRef' | 'role'>, answers: SectionAnswers): Promise<number> {
    const worries = this.worriesIn(invitation, answers);
    if (worries.length === 0) return 0;
    const inviter = await this.inviterOf(invitation.reviewRef, invitation.role);
    let created = 0;
    for (const w of worries) {
      const alert: WorryAlert = {
        ...w,
        ...(inviter ? { inviter } : {}),
        status: 'new',
        raisedAt: this.clock.now().toISOString(),
      };
      if ((await this.alerts.create(alert)) === 'created') created++;
    }
    if (created > 0) this.kick();
    return created;
  }

  /** Resolves when the sends started by recent saves have finished (tests, and a clean stop). */
  idle(): Promise<void> {
    return this.inFlight;
  }

  /** Sends what is new (or whose sender died), and escalates what is overdue. Run every few minutes. */
  async run(): Promise<{ sent: number; escalated: number }> {
    const now = this.clock.now();
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
    return { sent, escalated };
  }

  /** "I have seen this": the inviting practitioner or an administrator. The same answer for a second press. */
  async acknowledge(
    id: string,
    by: { userId: string; isAdmin: boolean },
  ): Promise<{ kind: 'acknowledged' | 'already'; alert: WorryAlert } | { kind: 'notYours' } | { kind: 'unknown' }> {
    for (;;) {
      const alert = await this.alerts.get(id);
      if (!alert) return { kind: 'unknown' };
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
    const outcome =
      address && this.sender
        ? await this.sender(address, this.render({ alert: sending, escalated: false }))
        : undefined;
    const sent: WorryAlert = { ...sending, status: 'sent', sentAt: this.clock.now().toISOString() };
    if (outcome?.kind === 'sent') return Boolean(await this.alerts.replace(sent, claimed));
    // Nobody could be told: the administrators, now, rather than a working day later.
    const problem = !plain.inviter
      ? 'no invitation names the practitioner'
      : !address
        ? 'the practitioner has no 1:1 chat with the bot yet'
        : `the message could not be sent (${outcome?.kind ?? 'no sender'})`;
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
    for (const r of reachable)
      if (this.sender) await this.sender(r.address, this.render({ alert: escalated, escalated: true }));
    return true;
  }

  private async inviterOf(reviewRef: string, role: Invitation['role']): Promise<string | undefined> {
    const made = (await this.invitations.forReview(reviewRef)).filter((i) => i.role === role);
    made.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return made[0]?.createdBy;
  }
}

/** The same answer to the same question of the same respondent is one alert, however often it is saved. */
function fingerprint(...parts: string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
