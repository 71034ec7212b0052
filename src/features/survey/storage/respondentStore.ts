import { randomUUID } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { deltaBetween, deltaFromJson, deltaToJson, isEmptyDelta } from '../../scores/domain/aggregateDelta.js';
import type { QuestionBank, RespondentRole } from '../../../domain/survey/questionBank.js';
import { sectionOrder } from '../domain/sections.js';
import { isWhoAnswered, respondentKey, type RespondentState } from '../domain/respondentState.js';
import { shardOf } from '../../scores/storage/aggregatesRepository.js';
import type { AggregateWriter } from '../../scores/storage/aggregateWriter.js';
import { JournalRepository } from './journalRepository.js';
import type { ReadCache } from '../../../storage/readCache.js';
import {
  getOrUndefined,
  isConflict,
  isStatus,
  submitChecked,
  TABLES,
  type TableStore,
} from '../../../storage/tableStore.js';
import type { AnswerRow, Mutation, MutationResult, RespondentRecords } from '../surveyStores.js';

/**
 * The `answers` table. PartitionKey = respondent (`<review_ref>~<cyp|pc>`), so one review's answers are a
 * cheap range read and a respondent's answers and state change together in one transaction.
 *   RowKey `!state`      the respondent's state: sections saved (a compact copy of their values), faces
 *                        tapped in a section not yet saved (no answer rows, no aggregate delta, so no
 *                        journal row: only the ETag-checked state write), and the ids of recent operations
 *   RowKey <question id> one answer: term, submittedOn, score or skipped, or free text
 * Every change is one operation: (1) a journal row holding the aggregate delta; (2) one transaction with
 * the answer rows and the state, ETag-checked, naming the operation; (3) the delta applied to the
 * aggregates with a receipt (idempotent, group-committed under load); (4) the journal row removed. A sweep
 * finishes any operation whose journal row is old: committed (named in the state) means apply it.
 */
/**
 * RowKeys repeat the partition so they are unique across the table: Azurite finds an entity by RowKey
 * first, so a RowKey shared by every respondent ("voice.pc.1") made each write scan all of them
 * (seeding slowed from 5,000 to 600 rows/s by 120k rows). On Azure it costs a few bytes a row.
 */
export const stateRow = (pk: string) => `${pk}~!state`;
export const answerRow = (pk: string, questionId: string) => `${pk}~${questionId}`;
const RECENT_OPS = 20;

type StateEntity = {
  kind: 'state';
  reviewRef: string;
  role: RespondentRole;
  invitedTerm: string;
  sections: string;
  completedAt?: string;
  scale?: string;
  /** The family chose easy read for this survey. */
  easyRead?: boolean;
  /** A child's survey: who answered it (RespondentState.whoAnswered). */
  whoAnswered?: string;
  /** Faces tapped in sections not yet saved (JSON of RespondentState.partial). */
  partial?: string;
  /** An erased respondent's row stays, empty, only until its operation is applied. */
  erased?: boolean;
  recentOps?: string;
};

export class RespondentStore implements RespondentRecords {
  /**
   * The last state row (with its ETag) this process read or wrote per respondent: a family's next
   * section then needs no read. If another instance wrote since, the ETag check refuses the write and
   * the retry reads afresh — so the copy may be kept long.
   */
  private readonly states: ReadCache<(StateEntity & { etag: string }) | undefined>;

  constructor(
    private readonly store: TableStore,
    private readonly aggregates: AggregateWriter,
    private readonly journal: JournalRepository,
    private readonly bank: QuestionBank,
  ) {
    this.states = store.cache({
      maxEntries: 20_000,
      maxAgeMs: 10 * 60_000,
    });
  }

  private answers(): Promise<TableClient> {
    return this.store.table(TABLES.answers);
  }

  async read(reviewRef: string, role: RespondentRole): Promise<RespondentState | undefined> {
    const entity = await getOrUndefined<StateEntity>(
      await this.answers(),
      respondentKey(reviewRef, role),
      stateRow(respondentKey(reviewRef, role)),
    );
    return entity && !entity.erased ? toState(entity) : undefined;
  }

  /** Every answer row of one respondent (a range read of one partition). */
  async answerRows(reviewRef: string, role: RespondentRole): Promise<AnswerRow[]> {
    const client = await this.answers();
    const rows: AnswerRow[] = [];
    const pk = respondentKey(reviewRef, role);
    for await (const e of client.listEntities<AnswerRow & { kind: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${pk}` },
    })) {
      if (e.kind === 'answer') rows.push(toAnswerRow(e));
    }
    return rows;
  }

  /**
   * Runs one change to a respondent. `change` sees the current state and returns what to write, or
   * undefined for "nothing to do". Retried from a fresh read when another writer got there first.
   */
  async mutate(
    reviewRef: string,
    role: RespondentRole,
    change: (current: RespondentState | undefined) => Mutation | undefined,
  ): Promise<MutationResult> {
    const client = await this.answers();
    const pk = respondentKey(reviewRef, role);
    const shard = shardOf(pk);
    // A decision to write nothing is made on the stored state, not a cached copy another instance may have
    // moved on from (a tap judged "not the current question" against a copy from before the section was saved).
    let fresh = false;
    for (let attempt = 1; ; attempt++) {
      const entity = await this.states.get(pk, () => getOrUndefined<StateEntity>(client, pk, stateRow(pk)), { fresh });
      const current = entity && !entity.erased ? toState(entity) : undefined;
      const mutation = change(current);
      if (!mutation) {
        if (fresh) return { changed: false, state: current };
        fresh = true;
        continue;
      }
      const delta = deltaBetween(this.bank, sectionOrder(this.bank).length, current, mutation.next);
      const opId = randomUUID();
      if (!isEmptyDelta(delta))
        await this.journal.add({
          respondent: pk,
          opId,
          shard,
          delta: deltaToJson(delta),
          at: new Date().toISOString(),
        });
      let etag: string;
      try {
        // Kept as written (with its new ETag); forgotten if the write fails.
        etag = (await this.states.write(
          pk,
          () => this.writeOperation(client, pk, entity, mutation, opId),
          (stored) => stored,
        ))!.etag;
      } catch (error) {
        // Nothing was written: drop the journal row, and retry from a fresh read if another writer won.
        if (!isEmptyDelta(delta)) await this.journal.removeNow(pk, opId);
        // 404: the state row went (erased elsewhere) since we cached it.
        if (!(isConflict(error) || isStatus(error, 404)) || attempt >= 30) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(100, 2 * 2 ** attempt)));
        continue;
      }
      // Committed. If applying the delta fails now, the journal row lets the sweep finish it.
      if (!isEmptyDelta(delta)) {
        await this.aggregates.apply(opId, delta, shard);
        this.journal.removeSoon(pk, opId);
      }
      if (!mutation.next)
        await this.states.write(pk, () => client.deleteEntity(pk, stateRow(pk), { etag }).catch(() => undefined));
      return { changed: true, state: mutation.next };
    }
  }

  private async writeOperation(
    client: TableClient,
    pk: string,
    entity: (StateEntity & { etag: string }) | undefined,
    m: Mutation,
    opId: string,
  ): Promise<StateEntity & { etag: string }> {
    const actions: TransactionAction[] = [];
    for (const row of m.writes) actions.push(['upsert', answerEntity(pk, m.next, row), 'Replace']);
    for (const questionId of m.deletes)
      actions.push(['delete', { partitionKey: pk, rowKey: answerRow(pk, questionId) }]);
    const recentOps = [opId, ...(entity?.recentOps ?? '').split(',').filter(Boolean)].slice(0, RECENT_OPS).join(',');
    const next = { partitionKey: pk, rowKey: stateRow(pk), ...stateEntityOf(m.next, entity), recentOps };
    actions.push(entity ? ['update', next, 'Replace', { etag: entity.etag }] : ['create', next]);
    const response = await submitChecked(client, actions);
    // Sub-responses come in the order of the actions (Azure names the row only for inserts).
    const etag = response?.subResponses[actions.length - 1]?.etag ?? (await client.getEntity(pk, stateRow(pk))).etag;
    const { partitionKey: _pk, rowKey: _rk, ...row } = next;
    void _pk;
    void _rk;
    return { ...row, etag };
  }

  /**
   * Finishes operations a crash interrupted: journal rows older than `olderThanMs`. An operation named in
   * its respondent's state committed, so its delta is applied (a receipt makes that safe to repeat);
   * one not named never committed and is dropped. Returns how many were applied.
   */
  async sweep(olderThanMs = 60_000): Promise<number> {
    await this.journal.flush();
    const client = await this.answers();
    let applied = 0;
    for (const j of await this.journal.olderThan(new Date(Date.now() - olderThanMs).toISOString())) {
      const entity = await getOrUndefined<StateEntity>(client, j.respondent, stateRow(j.respondent));
      if ((entity?.recentOps ?? '').split(',').includes(j.opId)) {
        await this.aggregates.apply(j.opId, deltaFromJson(j.delta), j.shard);
        applied++;
        if (entity?.erased)
          await client.deleteEntity(j.respondent, stateRow(j.respondent), { etag: entity.etag }).catch(() => undefined);
      }
      await this.journal.removeNow(j.respondent, j.opId);
    }
    return applied;
  }

  /** Deletes answer rows of a respondent that has no state row (which only a bug could leave). */
  async deleteStrayAnswers(reviewRef: string, role: RespondentRole): Promise<number> {
    const client = await this.answers();
    const pk = respondentKey(reviewRef, role);
    const rows = await this.answerRows(reviewRef, role);
    for (let i = 0; i < rows.length; i += 100)
      await submitChecked(
        client,
        rows
          .slice(i, i + 100)
          .map((r) => ['delete', { partitionKey: pk, rowKey: answerRow(pk, r.questionId) }] as TransactionAction),
      );
    return rows.length;
  }

  /** Every respondent state and answer row, for rebuilding aggregates from scratch. */
  async archivedRefs(reviewRef: string): Promise<string[]> {
    const client = await this.answers();
    const refs = new Set<string>();
    // Archived partitions are "<ref>@<year>~<role>": one range of partition keys, state rows only.
    const from = `${reviewRef}@`;
    const to = `${reviewRef}@~`;
    for await (const e of client.listEntities<{ reviewRef: string }>({
      queryOptions: { filter: odata`PartitionKey ge ${from} and PartitionKey lt ${to} and kind eq 'state'` },
    }))
      refs.add(e.reviewRef);
    return [...refs].sort();
  }

  async *scanAll(): AsyncGenerator<{ state: RespondentState; answers: AnswerRow[] }> {
    const client = await this.answers();
    let current: { pk: string; state?: RespondentState; answers: AnswerRow[] } | undefined;
    for await (const e of client.listEntities<Record<string, unknown>>()) {
      if (!current || current.pk !== e.partitionKey) {
        if (current?.state) yield { state: current.state, answers: current.answers };
        current = { pk: e.partitionKey!, answers: [] };
      }
      if (e.kind === 'state') {
        const s = e as unknown as StateEntity;
        if (!s.erased) current.state = toState(s);
      } else if (e.kind === 'answer') current.answers.push(toAnswerRow(e as unknown as AnswerRow));
    }
    if (current?.state) yield { state: current.state, answers: current.answers };
  }
}

function stateEntityOf(next: RespondentState | undefined, entity: StateEntity | undefined): StateEntity {
  const s = next;
  if (!s) {
    // Erasure: an empty marked row (no answers, no dates) until its negative delta is applied.
    return {
      kind: 'state',
      reviewRef: entity!.reviewRef,
      role: entity!.role,
      invitedTerm: '',
      sections: '{}',
      erased: true,
    };
  }
  return {
    kind: 'state',
    reviewRef: s.reviewRef,
    role: s.role,
    invitedTerm: s.invitedTerm,
    sections: JSON.stringify(s.sections),
    ...(s.completedAt ? { completedAt: s.completedAt } : {}),
    ...(s.scale ? { scale: s.scale } : {}),
    ...(s.easyRead ? { easyRead: true } : {}),
    ...(s.whoAnswered ? { whoAnswered: s.whoAnswered } : {}),
    ...(s.partial && Object.keys(s.partial).length > 0 ? { partial: JSON.stringify(s.partial) } : {}),
  };
}

function toState(e: StateEntity): RespondentState {
  return {
    reviewRef: e.reviewRef,
    role: e.role,
    invitedTerm: e.invitedTerm,
    sections: JSON.parse(e.sections),
    ...(e.completedAt ? { completedAt: e.completedAt } : {}),
    ...(e.scale === 'numbers' || e.scale === 'faces' ? { scale: e.scale } : {}),
    ...(e.easyRead === true ? { easyRead: true } : {}),
    ...(isWhoAnswered(e.whoAnswered) ? { whoAnswered: e.whoAnswered } : {}),
    ...(e.partial ? { partial: JSON.parse(e.partial) } : {}),
  };
}

function answerEntity(pk: string, state: RespondentState | undefined, row: AnswerRow) {
  return {
    partitionKey: pk,
    rowKey: answerRow(pk, row.questionId),
    kind: 'answer',
    reviewRef: state?.reviewRef,
    role: state?.role,
    questionId: row.questionId,
    section: row.section,
    term: row.term,
    submittedOn: row.submittedOn,
    skipped: row.skipped,
    ...(row.unclear ? { unclear: true } : {}),
    ...(row.score !== undefined ? { score: row.score } : {}),
    ...(row.text !== undefined ? { text: row.text } : {}),
  };
}

function toAnswerRow(e: AnswerRow): AnswerRow {
  return {
    questionId: e.questionId,
    section: e.section,
    term: e.term,
    submittedOn: e.submittedOn,
    skipped: e.skipped,
    ...(e.unclear === true ? { unclear: true as const } : {}),
    ...(typeof e.score === 'number' ? { score: e.score } : {}),
    ...(typeof e.text === 'string' ? { text: e.text } : {}),
  };
}
