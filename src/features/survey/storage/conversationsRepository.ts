import type { TableClient } from '@azure/data-tables';
import { encodeKey } from '../../../storage/azureLimits.js';
import { getOrUndefined, isConflict, isStatus, TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { ReadCache } from '../../../storage/readCache.js';
import type { AskContext, ConversationBindings } from '../surveyStores.js';
import type { Understanding } from '../../../understanding/types.js';

/**
 * RowKeys repeat the PartitionKey so they are unique across the table (Azurite looks up by RowKey first).
 * Per conversation: the invitation it is bound to (a family's survey), the recent failed code
 * attempts (to stop guessing), and the last question asked (for follow-ups). PartitionKey = escaped
 * conversation id.
 */
export class ConversationsRepository implements ConversationBindings, AskContext {
  /**
   * Bindings seen recently; callers re-read with `fresh` before acting on a mismatch. "No binding" is
   * never kept: another instance may bind the chat the next moment.
   */
  private readonly bindings: ReadCache<string | undefined>;

  /**
   * Last questions, kept ≤ 60 s (a conversation answered by another instance meanwhile shows within that):
   * a question then costs no read, and asking the same again writes nothing.
   */
  private readonly questions: ReadCache<{ question: string; at: string } | undefined>;

  constructor(private readonly store: TableStore) {
    this.bindings = store.cache({ maxEntries: 20_000, maxAgeMs: 60_000 });
    this.questions = store.cache({ maxEntries: 20_000, maxAgeMs: 60_000, keepMissing: true });
  }

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.conversations);
  }

  boundCode(conversationId: string, opts: { fresh?: boolean } = {}): Promise<string | undefined> {
    return this.bindings.get(
      conversationId,
      async () =>
        (
          await getOrUndefined<{ code: string }>(
            await this.table(),
            encodeKey(conversationId),
            `${encodeKey(conversationId)}~binding`,
          )
        )?.code,
      opts,
    );
  }

  async bind(conversationId: string, code: string, at: Date): Promise<void> {
    await this.bindings.write(
      conversationId,
      async () =>
        (await this.table()).upsertEntity(
          {
            partitionKey: encodeKey(conversationId),
            rowKey: `${encodeKey(conversationId)}~binding`,
            code,
            boundAt: at.toISOString(),
          },
          'Replace',
        ),
      () => code,
    );
  }

  /**
   * Drops what no longer serves anyone: failed-attempt rows with no attempt left in the window, last
   * questions a day old, and bindings older than an invitation can live (every chat id, including Web
   * Chat's one-per-visit ids, would otherwise stay forever). A scan of the table, run hourly.
   */
  async prune(now: Date, opts: { failureWindowMs: number; bindingMaxAgeMs: number }): Promise<{ removed: number }> {
    const client = await this.table();
    let removed = 0;
    for await (const e of client.listEntities<{ times?: string; boundAt?: string; at?: string }>()) {
      const stale = e.rowKey!.endsWith('~failures')
        ? inWindow(e.times, opts.failureWindowMs, now).length === 0
        : e.rowKey!.endsWith('~question')
          ? !e.at || Date.parse(e.at) < now.getTime() - 24 * 3600_000
          : e.rowKey!.endsWith('~binding') &&
            (!e.boundAt || Date.parse(e.boundAt) < now.getTime() - opts.bindingMaxAgeMs);
      if (!stale) continue;
      // With its ETag: a row written again since the scan (a new attempt, a new binding) is kept.
      await client.deleteEntity(e.partitionKey!, e.rowKey!, { etag: e.etag }).then(
        () => removed++,
        (error: unknown) => {
          if (!isConflict(error) && !isStatus(error, 404)) throw error;
        },
      );
    }
    this.bindings.forgetAll();
    this.questions.forgetAll();
    return { removed };
  }

  private storedQuestion(conversationId: string) {
    return this.questions.get(conversationId, async () => {
      const pk = encodeKey(conversationId);
      const e = await getOrUndefined<{ question: string; at: string }>(await this.table(), pk, `${pk}~question`);
      return e ? { question: e.question, at: e.at } : undefined;
    });
  }

  async lastQuestion(conversationId: string, since: Date): Promise<Understanding | undefined> {
    const e = await this.storedQuestion(conversationId);
    if (!e || Date.parse(e.at) < since.getTime()) return undefined;
    try {
      return JSON.parse(e.question) as Understanding;
    } catch {
      return undefined; // a damaged row only loses the follow-up
    }
  }

  /** Written when the question changes, or to keep the same one alive once a minute has passed. */
  async rememberQuestion(conversationId: string, question: Understanding, at: Date): Promise<void> {
    const json = JSON.stringify(question);
    const stored = await this.storedQuestion(conversationId);
    if (stored?.question === json && at.getTime() - Date.parse(stored.at) < 60_000) return;
    const pk = encodeKey(conversationId);
    const value = { question: json, at: at.toISOString() };
    await this.questions.write(
      conversationId,
      async () =>
        (await this.table()).upsertEntity({ partitionKey: pk, rowKey: `${pk}~question`, ...value }, 'Replace'),
      () => value,
    );
  }

  /** Failed attempts in the window, oldest first. */
  async recentFailures(conversationId: string, windowMs: number, now: Date): Promise<string[]> {
    const e = await getOrUndefined<{ times: string }>(
      await this.table(),
      encodeKey(conversationId),
      `${encodeKey(conversationId)}~failures`,
    );
    return inWindow(e?.times, windowMs, now);
  }

  /** Records a failed attempt (ETag-checked, so concurrent attempts are all counted). Returns the count in the window. */
  async recordFailure(conversationId: string, windowMs: number, now: Date): Promise<number> {
    const client = await this.table();
    const pk = encodeKey(conversationId);
    for (let attempt = 1; ; attempt++) {
      const e = await getOrUndefined<{ times: string }>(client, pk, `${pk}~failures`);
      const times = [...inWindow(e?.times, windowMs, now), now.toISOString()];
      const entity = { partitionKey: pk, rowKey: `${pk}~failures`, times: JSON.stringify(times) };
      try {
        if (e) await client.updateEntity(entity, 'Replace', { etag: e.etag });
        else await client.createEntity(entity);
        return times.length;
      } catch (error) {
        if (!isConflict(error) || attempt > 20) throw error;
      }
    }
  }
}

function inWindow(json: string | undefined, windowMs: number, now: Date): string[] {
  const times: string[] = json ? JSON.parse(json) : [];
  const since = now.getTime() - windowMs;
  return times.filter((t) => Date.parse(t) > since);
}
