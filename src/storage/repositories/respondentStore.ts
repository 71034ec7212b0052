import { randomUUID } from 'node:crypto';
import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { deltaBetween, deltaFromJson, deltaToJson, isEmptyDelta, type Delta } from '../../domain/scores/aggregateDelta.js';
import type { QuestionBank, RespondentRole } from '../../domain/survey/questionBank.js';
import { sectionOrder } from '../../domain/survey/sections.js';
import { respondentKey, type RespondentState } from '../../domain/respondents/respondentState.js';
import { AggregatesRepository, shardOf } from './aggregatesRepository.js';
import { getOrUndefined, isConflict, submitChecked, TABLES, type TableStore } from '../tableStore.js';

/**
 * The `answers` table. PartitionKey = respondent (`<review_ref>~<cyp|pc>`), so one review's answers are a
 * cheap range read and a respondent's answers and state change together in one transaction.
 *   RowKey `!state`      the respondent's state (sections saved, compact copy of values, pending operation)
 *   RowKey <question id> one answer: term, submittedOn, score or skipped, or free text
 * Every change is one "operation": the answer rows and the state (ETag-checked) are written atomically with
 * the aggregate delta recorded as pending; the delta is then applied (idempotently) and the pending mark
 * cleared. A journal row, written first, lets a sweep finish operations a crash interrupted.
 */
export const STATE_ROW = '!state';

export type AnswerRow = {
  questionId: string;
  section: string;
  term: string;
  submittedOn: string;
  score?: number;
  skipped: boolean;
  text?: string;
};

export type Mutation = { next: RespondentState | undefined; writes: AnswerRow[]; deletes: string[] };
export type MutationResult = { changed: boolean; state: RespondentState | undefined };

type StateEntity = {
  kind: 'state';
  reviewRef: string;
  role: RespondentRole;
  invitedTerm: string;
  sections: string;
  completedAt?: string;
  erased?: boolean;
  pendingOp?: string;
  pendingDelta?: string;
};

export class RespondentStore {
  constructor(
    private readonly store: TableStore,
    private readonly aggregates: AggregatesRepository,
    private readonly bank: QuestionBank,
  ) {}

  private answers(): Promise<TableClient> {
    return this.store.table(TABLES.answers);
  }
  private journal(): Promise<TableClient> {
    return this.store.table(TABLES.journal);
  }

  async read(reviewRef: string, role: RespondentRole): Promise<RespondentState | undefined> {
    const entity = await getOrUndefined<StateEntity>(await this.answers(), respondentKey(reviewRef, role), STATE_ROW);
    return entity && !entity.erased ? toState(entity) : undefined;
  }

  /** Every answer row of one respondent (a range read of one partition). */
  async answerRows(reviewRef: string, role: RespondentRole): Promise<AnswerRow[]> {
    const client = await this.answers();
    const rows: AnswerRow[] = [];
    const pk = respondentKey(reviewRef, role);
    for await (const e of client.listEntities<AnswerRow & { kind: string }>({ queryOptions: { filter: odata`PartitionKey eq ${pk}` } })) {
      if (e.kind === 'answer') rows.push(toAnswerRow(e));
    }
    return rows;
  }

  /**
   * Runs one change to a respondent. `change` sees the current state and returns what to write, or
   * undefined for "nothing to do". Retried from a fresh read when another writer got there first.
   */
  async mutate(reviewRef: string, role: RespondentRole, change: (current: RespondentState | undefined) => Mutation | undefined): Promise<MutationResult> {
    const client = await this.answers();
    const pk = respondentKey(reviewRef, role);
    for (let attempt = 1; ; attempt++) {
      const entity = await getOrUndefined<StateEntity>(client, pk, STATE_ROW);
      if (entity?.pendingOp) {
        await this.finish(client, pk, entity);
        continue;
      }
      const current = entity && !entity.erased ? toState(entity) : undefined;
      const mutation = change(current);
      if (!mutation) return { changed: false, state: current };
      const delta = deltaBetween(this.bank, sectionOrder(this.bank).length, current, mutation.next);
      const opId = randomUUID();
      const journal = await this.journal();
      if (!isEmptyDelta(delta)) await journal.createEntity({ partitionKey: 'pending', rowKey: `${encodeURIComponent(pk)}~${opId}`, respondent: pk, opId, at: new Date().toISOString() });
      let etag: string;
      try {
        etag = await this.writeOperation(client, pk, entity, mutation, opId, delta);
      } catch (error) {
        // Nothing was written: drop the journal row, and retry from a fresh read if another writer won.
        await journal.deleteEntity('pending', `${encodeURIComponent(pk)}~${opId}`).catch(() => undefined);
        if (!isConflict(error) || attempt >= 30) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * Math.min(100, 2 * 2 ** attempt)));
        continue;
      }
      // The answers are saved. If applying the delta fails now, the journal row lets the sweep (or the
      // respondent's next write) finish it, so it is deliberately left in place.
      if (!isEmptyDelta(delta)) {
        await this.finish(client, pk, { ...stateEntityOf(mutation.next, entity), pendingOp: opId, pendingDelta: deltaToJson(delta), etag });
      } else if (!mutation.next) {
        await client.deleteEntity(pk, STATE_ROW, { etag });
      }
      return { changed: true, state: mutation.next };
    }
  }

  private async writeOperation(client: TableClient, pk: string, entity: (StateEntity & { etag: string }) | undefined, m: Mutation, opId: string, delta: Delta): Promise<string> {
    const actions: TransactionAction[] = [];
    for (const row of m.writes) actions.push(['upsert', answerEntity(pk, m.next ?? undefined, row), 'Replace']);
    for (const rowKey of m.deletes) actions.push(['delete', { partitionKey: pk, rowKey }]);
    const pending = isEmptyDelta(delta) ? {} : { pendingOp: opId, pendingDelta: deltaToJson(delta) };
    const next = { partitionKey: pk, rowKey: STATE_ROW, ...stateEntityOf(m.next, entity), ...pending };
    actions.push(entity ? ['update', next, 'Replace', { etag: entity.etag }] : ['create', next]);
    const response = await submitChecked(client, actions);
    // The state row's new ETag, so the pending mark is cleared only if nobody changed it since.
    const etag = response?.subResponses.find((r) => r.rowKey === STATE_ROW)?.etag;
    return etag ?? (await client.getEntity(pk, STATE_ROW)).etag;
  }

  /** Applies a pending delta (idempotent) and clears the mark; removes the state row of an erased respondent. */
  private async finish(client: TableClient, pk: string, entity: StateEntity & { etag: string }): Promise<void> {
    const opId = entity.pendingOp!;
    await this.aggregates.apply(opId, deltaFromJson(entity.pendingDelta!), shardOf(pk));
    try {
      if (entity.erased) {
        await client.deleteEntity(pk, STATE_ROW, { etag: entity.etag });
      } else {
        const { pendingOp: _op, pendingDelta: _delta, etag, ...rest } = entity;
        void _op;
        void _delta;
        await client.updateEntity({ ...rest, partitionKey: pk, rowKey: STATE_ROW }, 'Replace', { etag });
      }
    } catch (error) {
      if (!isConflict(error) && !(error as { statusCode?: number }).statusCode?.toString().startsWith('404')) throw error;
      // Someone else finished it first: that is fine, the receipt made the apply idempotent.
    }
    const journal = await this.journal();
    await journal.deleteEntity('pending', `${encodeURIComponent(pk)}~${opId}`).catch(() => undefined);
  }

  /** Finishes operations a crash interrupted (journal rows older than `olderThanMs`). Returns how many. */
  async sweep(olderThanMs = 60_000): Promise<number> {
    const journal = await this.journal();
    const client = await this.answers();
    const cutoff = new Date(Date.now() - olderThanMs).toISOString();
    let finished = 0;
    for await (const j of journal.listEntities<{ respondent: string; opId: string; at: string }>({ queryOptions: { filter: odata`PartitionKey eq 'pending' and at lt ${cutoff}` } })) {
      const entity = await getOrUndefined<StateEntity>(client, j.respondent, STATE_ROW);
      if (entity?.pendingOp === j.opId) {
        await this.finish(client, j.respondent, entity);
        finished++;
      } else {
        await journal.deleteEntity('pending', j.rowKey!).catch(() => undefined);
      }
    }
    return finished;
  }

  /** Deletes answer rows of a respondent that has no state row (which only a bug could leave). */
  async deleteStrayAnswers(reviewRef: string, role: RespondentRole): Promise<number> {
    const client = await this.answers();
    const pk = respondentKey(reviewRef, role);
    const rows = await this.answerRows(reviewRef, role);
    for (let i = 0; i < rows.length; i += 100) await submitChecked(client, rows.slice(i, i + 100).map((r) => ['delete', { partitionKey: pk, rowKey: r.questionId }] as TransactionAction));
    return rows.length;
  }

  /** Every respondent state and answer row, for rebuilding aggregates from scratch. */
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
        if (!s.erased || s.pendingOp) current.state = s.erased ? undefined : toState(s);
      } else if (e.kind === 'answer') current.answers.push(toAnswerRow(e as unknown as AnswerRow));
    }
    if (current?.state) yield { state: current.state, answers: current.answers };
  }
}

function stateEntityOf(next: RespondentState | undefined, entity: StateEntity | undefined): StateEntity {
  const s = next;
  if (!s) {
    // Erasure: keep the row (marked) until its negative delta is applied.
    return { kind: 'state', reviewRef: entity!.reviewRef, role: entity!.role, invitedTerm: entity!.invitedTerm, sections: '{}', erased: true };
  }
  return { kind: 'state', reviewRef: s.reviewRef, role: s.role, invitedTerm: s.invitedTerm, sections: JSON.stringify(s.sections), ...(s.completedAt ? { completedAt: s.completedAt } : {}) };
}

function toState(e: StateEntity): RespondentState {
  return { reviewRef: e.reviewRef, role: e.role, invitedTerm: e.invitedTerm, sections: JSON.parse(e.sections), ...(e.completedAt ? { completedAt: e.completedAt } : {}) };
}

function answerEntity(pk: string, state: RespondentState | undefined, row: AnswerRow) {
  return {
    partitionKey: pk,
    rowKey: row.questionId,
    kind: 'answer',
    reviewRef: state?.reviewRef,
    role: state?.role,
    questionId: row.questionId,
    section: row.section,
    term: row.term,
    submittedOn: row.submittedOn,
    skipped: row.skipped,
    ...(row.score !== undefined ? { score: row.score } : {}),
    ...(row.text !== undefined ? { text: row.text } : {}),
  };
}

function toAnswerRow(e: AnswerRow): AnswerRow {
  return { questionId: e.questionId, section: e.section, term: e.term, submittedOn: e.submittedOn, skipped: e.skipped, ...(typeof e.score === 'number' ? { score: e.score } : {}), ...(typeof e.text === 'string' ? { text: e.text } : {}) };
}
