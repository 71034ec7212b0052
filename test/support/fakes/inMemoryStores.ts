import type { YouSaidStore } from '../../../src/features/youSaid/youSaidStores.js';
import type { YouSaidEntry } from '../../../src/features/youSaid/domain/youSaidEntry.js';
import type { WorryAlert, WorryAlertStore } from '../../../src/features/worries/worryStores.js';
import type { ReviewView, ReviewViewLog } from '../../../src/features/reviews/reviewStores.js';
import type { ExtractSnapshot } from '../../../src/features/waits/domain/extractSnapshot.js';
import type { AskContext } from '../../../src/features/survey/surveyStores.js';
import type { Understanding } from '../../../src/understanding/types.js';
import { countDeliveries } from '../../../src/features/digests/domain/deliveryCounts.js';
import type { StaffRole } from '../../../src/domain/access/roles.js';
import type { SendOutcome } from '../../../src/features/digests/domain/sendOutcome.js';
import { respondentKey, type RespondentState } from '../../../src/features/survey/domain/respondentState.js';
import { deltaBetween, mergeDelta, type Delta } from '../../../src/features/scores/domain/aggregateDelta.js';
import type { QuestionBank, RespondentRole } from '../../../src/domain/survey/questionBank.js';
import { sectionOrder } from '../../../src/features/survey/domain/sections.js';
import type { Referral } from '../../../src/features/waits/domain/referral.js';
import type { ServiceSummary } from '../../../src/features/waits/domain/serviceSummary.js';
import type { QuestionLog, RoleStore, UnansweredQuestion } from '../../../src/features/admin/adminStores.js';
import type {
  Claim,
  DeliveryCounts,
  DeliveryRun,
  DigestLedger,
  DigestSubscriptions,
  LedgerRow,
  LedgerState,
  Secrets,
  Subscription,
} from '../../../src/features/digests/digestStores.js';
import type { AddressBook, GoneReason, StoredAddress } from '../../../src/features/addressBook/addressBookStores.js';
import type {
  AggregateCounters,
  AggregateMaintenance,
  TermCounters,
} from '../../../src/features/scores/scoreStores.js';
import type { ReferralStore, WaitSummaryStore } from '../../../src/features/waits/waitsStores.js';
import type {
  BenchmarkStore,
  MeasureStore,
  StoredBenchmark,
  StoredMeasureValue,
} from '../../../src/features/measures/measureStores.js';
// The domain's order, not the repository's module: that would load @azure/data-tables into every test on the fakes.
import { benchmarkOrder } from '../../../src/features/measures/domain/benchmarkRow.js';
import type { ConversationAddress, Reply } from '../../../src/ports/messages.js';
import type {
  AnswerRow,
  ConversationBindings,
  Invitation,
  InvitationStore,
  Mutation,
  MutationResult,
  RespondentRecords,
} from '../../../src/features/survey/surveyStores.js';

/**
 * In-memory fakes of the ports, for fast unit tests of the services, handlers and router. They keep the
 * ports' promises (conditional create, atomic mutate, claims held once) in the simplest way; the real
 * Table Storage repositories are tested against Azurite in test/integration.
 */

const copy = <T>(v: T): T => structuredClone(v);

export class InMemoryInvitations implements InvitationStore {
  readonly rows = new Map<string, Invitation>();
  async tryCreate(invitation: Invitation) {
    if (this.rows.has(invitation.code)) return false;
    this.rows.set(invitation.code, copy(invitation));
    return true;
  }
  async get(code: string) {
    const row = this.rows.get(code);
    return row && copy(row);
  }
  getFresh(code: string) {
    return this.get(code);
  }
  /** Like the repository: changing an invitation that is not there (deleted meanwhile) fails. */
  private existing(code: string) {
    const row = this.rows.get(code);
    if (!row) throw new Error(`no invitation ${code} to change`);
    return row;
  }
  async markOpened(invitation: Invitation, at: string) {
    if (invitation.openedAt) return;
    const row = this.existing(invitation.code);
    if (!row.openedAt) row.openedAt = at;
  }
  async revoke(code: string, at: string) {
    this.existing(code).revokedAt = at;
  }
  async byCreator(createdBy: string) {
    return [...this.rows.values()].filter((i) => i.createdBy === createdBy).map(copy);
  }
  async forReview(reviewRef: string) {
    return [...this.rows.values()].filter((i) => i.reviewRef === reviewRef).map(copy);
  }
  async delete(code: string) {
    this.rows.delete(code);
  }
}

export class InMemoryBindings implements ConversationBindings {
  readonly bound = new Map<string, string>();
  readonly failures = new Map<string, string[]>();
  async boundCode(conversationId: string) {
    return this.bound.get(conversationId);
  }
  async bind(conversationId: string, code: string) {
    this.bound.set(conversationId, code);
  }
  private inWindow(conversationId: string, windowMs: number, now: Date) {
    return (this.failures.get(conversationId) ?? []).filter((at) => now.getTime() - Date.parse(at) < windowMs);
  }
  async recentFailures(conversationId: string, windowMs: number, now: Date) {
    return this.inWindow(conversationId, windowMs, now);
  }
  /** Read and written with no await between, so attempts made at once are all counted (as by ETag). */
  async recordFailure(conversationId: string, windowMs: number, now: Date) {
    const recent = [...this.inWindow(conversationId, windowMs, now), now.toISOString()];
    this.failures.set(conversationId, recent);
    return recent.length;
  }
}

/** Aggregate counters kept in step with the respondents, like the real store's journal and apply. */
export class InMemoryAggregates implements AggregateCounters, AggregateMaintenance {
  counters: Delta = new Map();
  async read(terms: string[]): Promise<TermCounters> {
    return new Map(terms.map((t) => [t, copy(this.counters.get(t) ?? new Map())]));
  }
  async readAll() {
    return copy(this.counters);
  }
  async replaceAll(expected: TermCounters) {
    this.counters = copy(expected);
  }
}

export class InMemoryRespondents implements RespondentRecords {
  readonly states = new Map<string, RespondentState>();
  async archivedRefs(reviewRef: string) {
    return [
      ...new Set([...this.states.values()].map((s) => s.reviewRef).filter((r) => r.startsWith(`${reviewRef}@`))),
    ].sort();
  }
  readonly answers = new Map<string, Map<string, AnswerRow>>();
  constructor(
    private readonly bank: QuestionBank,
    private readonly aggregates: InMemoryAggregates,
  ) {}
  async read(reviewRef: string, role: RespondentRole) {
    const state = this.states.get(respondentKey(reviewRef, role));
    return state && copy(state);
  }
  async answerRows(reviewRef: string, role: RespondentRole) {
    return [...(this.answers.get(respondentKey(reviewRef, role))?.values() ?? [])].map(copy);
  }
  async mutate(
    reviewRef: string,
    role: RespondentRole,
    change: (current: RespondentState | undefined) => Mutation | undefined,
  ): Promise<MutationResult> {
    const key = respondentKey(reviewRef, role);
    const before = this.states.get(key);
    const mutation = change(before && copy(before));
    if (!mutation) return { changed: false, state: before && copy(before) };
    mergeDelta(
      this.aggregates.counters,
      deltaBetween(this.bank, sectionOrder(this.bank).length, before, mutation.next),
    );
    const rows = this.answers.get(key) ?? new Map<string, AnswerRow>();
    for (const id of mutation.deletes) rows.delete(id);
    for (const row of mutation.writes) rows.set(row.questionId, copy(row));
    // Only the rows named go: an erasure that leaves some is tidied by deleteStrayAnswers, as in the repository.
    if (mutation.next) this.states.set(key, copy(mutation.next));
    else this.states.delete(key);
    if (rows.size > 0) this.answers.set(key, rows);
    else this.answers.delete(key);
    return { changed: true, state: mutation.next && copy(mutation.next) };
  }
  async deleteStrayAnswers(reviewRef: string, role: RespondentRole) {
    const key = respondentKey(reviewRef, role);
    const n = this.answers.get(key)?.size ?? 0;
    this.answers.delete(key);
    return n;
  }
  async sweep() {
    return 0;
  }
  async *scanAll() {
    for (const [key, state] of this.states)
      yield { state: copy(state), answers: [...(this.answers.get(key)?.values() ?? [])].map(copy) };
  }
}

export class InMemoryReferrals implements ReferralStore {
  readonly byService = new Map<string, Referral[]>();
  async listService(serviceId: string) {
    return copy(this.byService.get(serviceId) ?? []);
  }
  async replaceAll(serviceId: string, referrals: readonly Referral[], onWritten?: (count: number) => void) {
    const stray = referrals.find((r) => r.service !== serviceId);
    if (stray) throw new Error(`referral ${stray.referralId} is for ${stray.service}, not ${serviceId}`);
    const kept = new Map((this.byService.get(serviceId) ?? []).map((r) => [r.referralId, r]));
    for (const r of referrals) kept.set(r.referralId, copy(r));
    this.byService.set(serviceId, [...kept.values()]);
    onWritten?.(referrals.length);
  }
}

/**
 * Like the repository, a summary (or an extract) is superseded only by one stored from a later generation:
 * a rebuild that read an earlier generation still saves while nothing later is stored.
 */
export class InMemoryWaitSummaries implements WaitSummaryStore {
  readonly summaries = new Map<string, ServiceSummary>();
  readonly generations = new Map<string, number>();
  private readonly savedFrom = new Map<string, number>();
  async get(serviceId: string) {
    return this.summaries.get(serviceId);
  }
  async bumpGeneration(serviceId: string) {
    const next = (this.generations.get(serviceId) ?? 0) + 1;
    this.generations.set(serviceId, next);
    return next;
  }
  async generation(serviceId: string) {
    return this.generations.get(serviceId) ?? 0;
  }
  async save(summary: ServiceSummary, generation: number) {
    const key = `summary~${summary.serviceId}`;
    if (generation < (this.savedFrom.get(key) ?? 0)) return 'superseded' as const;
    this.savedFrom.set(key, generation);
    this.summaries.set(summary.serviceId, summary);
    return 'saved' as const;
  }
  readonly kept = new Map<string, Map<string, ExtractSnapshot>>();
  async saveSnapshot(snapshot: ExtractSnapshot, generation: number) {
    const key = `extract~${snapshot.serviceId}~${snapshot.asOf}`;
    if (generation < (this.savedFrom.get(key) ?? 0)) return 'superseded' as const;
    this.savedFrom.set(key, generation);
    const byDate = this.kept.get(snapshot.serviceId) ?? new Map<string, ExtractSnapshot>();
    byDate.set(snapshot.asOf, structuredClone(snapshot));
    this.kept.set(snapshot.serviceId, byDate);
    return 'saved' as const;
  }
  async snapshots(serviceId: string) {
    return [...(this.kept.get(serviceId)?.values() ?? [])].sort((a, b) => a.asOf.localeCompare(b.asOf));
  }
}

export class InMemoryAddressBook implements AddressBook {
  readonly rows = new Map<string, StoredAddress>();
  readonly chats = new Map<string, ConversationAddress>();
  readonly displayNames = new Map<string, string>();
  readonly seen = new Map<string, Date>();
  async savePerson(userId: string, address: ConversationAddress, at: Date = new Date(0), name?: string) {
    this.chats.set(userId, { ...address });
    this.seen.set(userId, at);
    if (name !== undefined) this.displayNames.set(userId, name);
  }
  async people() {
    return [...this.seen].map(([userId, seenAt]) => ({ userId, seenAt }));
  }
  async forgetPerson(userId: string) {
    this.displayNames.delete(userId);
    this.seen.delete(userId);
    return this.chats.delete(userId);
  }
  async names(userIds: readonly string[]) {
    const out = new Map<string, string>();
    for (const id of userIds) {
      const name = this.displayNames.get(id);
      if (name) out.set(id, name);
    }
    return out;
  }
  async personalChat(userId: string) {
    return this.chats.get(userId);
  }
  /** `unlessRecent`, as in the repository: the same active address, written less than a day ago, is left as it is. */
  async save(address: ConversationAddress, at: Date, opts: { unlessRecent?: boolean } = {}) {
    const current = this.rows.get(address.conversationId);
    if (
      opts.unlessRecent &&
      current?.status === 'active' &&
      at.getTime() - Date.parse(current.updatedAt) < 86_400_000
    ) {
      const { status: _status, goneReason: _reason, updatedAt: _updatedAt, ...stored } = current;
      const keys = new Set([...Object.keys(stored), ...Object.keys(address)]) as Set<keyof ConversationAddress>;
      if ([...keys].every((k) => stored[k] === address[k])) return;
    }
    this.rows.set(address.conversationId, { ...address, status: 'active', updatedAt: at.toISOString() });
  }
  async get(conversationId: string) {
    return this.rows.get(conversationId);
  }
  async markGone(conversationId: string, reason: GoneReason, at: Date) {
    const row = this.rows.get(conversationId);
    if (row) this.rows.set(conversationId, { ...row, status: 'gone', goneReason: reason, updatedAt: at.toISOString() });
  }
  async all() {
    return new Map(this.rows);
  }
}

export class InMemorySubscriptions implements DigestSubscriptions {
  readonly rows = new Map<string, Subscription>();
  async subscribe(s: Subscription) {
    if (this.rows.has(s.conversationId)) return 'already' as const;
    this.rows.set(s.conversationId, s);
    return 'subscribed' as const;
  }
  async unsubscribe(conversationId: string) {
    return this.rows.delete(conversationId);
  }
  async list() {
    return [...this.rows.values()];
  }
}

/**
 * The send ledger as the repository keeps it: a claim holds a lease; a claimed row whose lease ran out is
 * taken over (keeping its attempts), a sending one becomes uncertain; every move checks the claim's ETag.
 */
export class InMemoryLedger implements DigestLedger {
  readonly rowsById = new Map<string, LedgerRow & { etag: string }>();
  readonly requests = new Set<string>();
  readonly runs = new Map<string, DeliveryRun>();
  private version = 0;
  constructor(readonly leaseMs = 2 * 60_000) {}
  private lease(now: Date) {
    return new Date(now.getTime() + this.leaseMs).toISOString();
  }
  private store(row: LedgerRow): Claim {
    const etag = String(++this.version);
    this.rowsById.set(`${row.digestId}~${row.conversationId}`, { ...row, etag });
    return { conversationId: row.conversationId, etag, attempts: row.attempts };
  }
  async claim(digestId: string, conversationId: string, instance: string, now: Date): Promise<Claim | undefined> {
    const existing = this.rowsById.get(`${digestId}~${conversationId}`);
    const updatedAt = now.toISOString();
    if (!existing)
      return this.store({
        digestId,
        conversationId,
        state: 'claimed',
        instance,
        leaseUntil: this.lease(now),
        attempts: 0,
        updatedAt,
      });
    const final = ['sent', 'gone', 'failed', 'uncertain'].includes(existing.state);
    if (final || existing.leaseUntil > updatedAt) return undefined;
    if (existing.state === 'sending') {
      const detail = `interrupted while sending (instance ${existing.instance})`;
      this.store({ ...existing, state: 'uncertain', detail, updatedAt });
      return undefined;
    }
    return this.store({ ...existing, state: 'claimed', instance, leaseUntil: this.lease(now), updatedAt });
  }
  async move(
    digestId: string,
    claim: Claim,
    state: Exclude<LedgerState, 'uncertain'>,
    now: Date,
    extra: { status?: number; detail?: string; attempt?: boolean } = {},
  ) {
    const row = this.rowsById.get(`${digestId}~${claim.conversationId}`);
    if (!row || row.etag !== claim.etag)
      throw new Error(`the ledger row of ${claim.conversationId} changed since it was claimed`);
    return this.store({
      ...row,
      state,
      leaseUntil: this.lease(now),
      attempts: claim.attempts + (extra.attempt ? 1 : 0),
      updatedAt: now.toISOString(),
      ...(extra.status !== undefined ? { status: extra.status } : {}),
      ...(extra.detail !== undefined ? { detail: extra.detail.slice(0, 500) } : {}),
    });
  }
  async rows(digestId: string) {
    return [...this.rowsById.values()]
      .filter((r) => r.digestId === digestId)
      .map(({ etag: _etag, ...row }) => copy(row));
  }
  async counts(digestId: string): Promise<DeliveryCounts> {
    return countDeliveries(await this.rows(digestId));
  }
  async claimRequest(requestKey: string) {
    if (this.requests.has(requestKey)) return false;
    this.requests.add(requestKey);
    return true;
  }
  /** One run kept per digest: recording it again replaces it. */
  async recordRun(run: { digestId: string; label: string; counts: DeliveryCounts; unreachable: number; at: Date }) {
    this.runs.set(run.digestId, { ...copy(run), at: run.at.toISOString() });
  }
  async recentRuns(limit: number) {
    return [...this.runs.values()].sort((a, b) => (a.at < b.at ? 1 : -1)).slice(0, limit);
  }
}

export class InMemorySecrets implements Secrets {
  async get(name: string) {
    return `secret-of-${name}-0123456789abcdef0123456789abcdef`;
  }
}

export class InMemoryRoles implements RoleStore {
  constructor(readonly roles = new Map<string, StaffRole[]>()) {}
  async rolesOf(userId: string) {
    return this.roles.get(userId) ?? [];
  }
  /** Everyone with a role: someone given none is not listed (the repository deletes their row). */
  async list() {
    return [...this.roles].filter(([, roles]) => roles.length > 0).map(([userId, roles]) => ({ userId, roles }));
  }
}

export class InMemoryQuestionLog implements QuestionLog {
  readonly entries: UnansweredQuestion[] = [];
  /** Like the repository: the text is cut to 500 characters. */
  async record(entry: UnansweredQuestion) {
    this.entries.push({ ...entry, text: entry.text.slice(0, 500) });
  }
  /** Like the repository: this month's and last month's (by `now`), newest first. */
  async recent(limit: number, now: Date) {
    const months = [
      now.toISOString().slice(0, 7),
      new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7),
    ];
    return this.entries
      .filter((e) => months.includes(e.at.slice(0, 7)))
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, limit)
      .map((e) => ({ ...e }));
  }
}

/** A proactive sender that records what it was asked to send and answers as told (default: sent). */
export class RecordingSender {
  readonly sent: { address: ConversationAddress; reply: Reply }[] = [];
  outcome: (address: ConversationAddress) => SendOutcome = () => ({ kind: 'sent' });
  readonly send = async (address: ConversationAddress, reply: Reply): Promise<SendOutcome> => {
    this.sent.push({ address, reply });
    return this.outcome(address);
  };
}

export class InMemoryMeasureValues implements MeasureStore {
  readonly rows = new Map<string, StoredMeasureValue>();
  async save(values: readonly StoredMeasureValue[]) {
    for (const v of values) this.rows.set(`${v.measureId}|${v.period}`, v);
  }
  async list(measureId: string) {
    return [...this.rows.values()]
      .filter((v) => v.measureId === measureId)
      .sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  }
}

export class InMemoryBenchmarks implements BenchmarkStore {
  readonly rows = new Map<string, StoredBenchmark>();
  async save(values: readonly StoredBenchmark[]) {
    for (const v of values) this.rows.set(`${v.measureId}|${v.period}|${v.comparator}`, copy(v));
  }
  async list(measureId: string) {
    return [...this.rows.values()]
      .filter((v) => v.measureId === measureId)
      .map(copy)
      .sort(benchmarkOrder);
  }
}

export class InMemoryAskContext implements AskContext {
  /** Kept as JSON, as the repository keeps it: what is read back is a copy, without undefined fields. */
  readonly questions = new Map<string, { question: string; at: Date }>();
  async lastQuestion(conversationId: string, since: Date) {
    const q = this.questions.get(conversationId);
    return q && q.at >= since ? (JSON.parse(q.question) as Understanding) : undefined;
  }
  /** Like the repository, the same question asked again within a minute keeps its first time. */
  async rememberQuestion(conversationId: string, question: Understanding, at: Date) {
    const json = JSON.stringify(question);
    const stored = this.questions.get(conversationId);
    if (stored?.question === json && at.getTime() - stored.at.getTime() < 60_000) return;
    this.questions.set(conversationId, { question: json, at });
  }
}

export class InMemoryReviewViews implements ReviewViewLog {
  readonly rows: ReviewView[] = [];
  async record(view: ReviewView) {
    this.rows.push({ ...view });
  }
  async list(reviewRef: string) {
    return this.rows.filter((r) => r.reviewRef === reviewRef).sort((a, b) => b.at.localeCompare(a.at));
  }
}

export class InMemoryWorryAlerts implements WorryAlertStore {
  readonly rows = new Map<string, { alert: WorryAlert; etag: string }>();
  private version = 0;
  async create(alert: WorryAlert) {
    if (this.rows.has(alert.id)) return undefined;
    const etag = String(++this.version);
    this.rows.set(alert.id, { alert: structuredClone(alert), etag });
    return etag;
  }
  async get(id: string) {
    const row = this.rows.get(id);
    return row ? { ...structuredClone(row.alert), etag: row.etag } : undefined;
  }
  async replace(alert: WorryAlert, etag: string) {
    const row = this.rows.get(alert.id);
    if (!row || row.etag !== etag) return undefined;
    const next = String(++this.version);
    this.rows.set(alert.id, { alert: structuredClone(alert), etag: next });
    return next;
  }
  async remove(id: string, etag: string) {
    const row = this.rows.get(id);
    if (!row || row.etag !== etag) return false;
    this.rows.delete(id);
    return true;
  }
  async eraseReview(reviewRef: string) {
    const ids = [...this.rows.values()].filter((r) => r.alert.reviewRef === reviewRef).map((r) => r.alert.id);
    ids.forEach((id) => this.rows.delete(id));
    return ids.length;
  }
  async open() {
    return [...this.rows.values()]
      .filter((r) => r.alert.status !== 'acknowledged' && r.alert.status !== 'pending')
      .map((r) => ({ ...structuredClone(r.alert), etag: r.etag }));
  }
  async pendingBefore(raisedBefore: string) {
    return [...this.rows.values()]
      .filter((r) => r.alert.status === 'pending' && r.alert.raisedAt < raisedBefore)
      .map((r) => ({ ...structuredClone(r.alert), etag: r.etag }));
  }
}

export class InMemoryYouSaid implements YouSaidStore {
  readonly rows = new Map<string, YouSaidEntry>();
  async save(entry: YouSaidEntry) {
    this.rows.set(entry.id, { ...entry });
  }
  async get(id: string) {
    const e = this.rows.get(id);
    return e ? { ...e } : undefined;
  }
  async current() {
    return [...this.rows.values()]
      .filter((e) => !e.removedAt)
      .sort((a, b) => (b.updatedAt ?? b.createdAt).localeCompare(a.updatedAt ?? a.createdAt));
  }
}
