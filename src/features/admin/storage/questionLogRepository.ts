import { randomBytes } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { QuestionLog, UnansweredQuestion } from '../adminStores.js';
import { hideContacts } from '../../familyContacts/domain/contactDetails.js';

/**
 * Questions the bot could not answer, for administrators to see what people ask (text, time, role — no
 * names or ids). PartitionKey = month; RowKey sorts newest first.
 */
export class QuestionLogRepository implements QuestionLog {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.questionLog);
  }

  async record(entry: UnansweredQuestion): Promise<void> {
    const inverted = String(9_999_999_999_999 - Date.parse(entry.at)).padStart(13, '0');
    await (
      await this.table()
    ).createEntity({
      partitionKey: entry.at.slice(0, 7),
      rowKey: `${inverted}-${randomBytes(3).toString('hex')}`,
      ...entry,
      // A practitioner's "… and text 07700 900123" that was not understood keeps its words, not the number.
      text: hideContacts(entry.text).slice(0, 500),
    });
  }

  /** The most recent entries of this month and the one before. */
  async recent(limit: number, now: Date): Promise<UnansweredQuestion[]> {
    const client = await this.table();
    const thisMonth = now.toISOString().slice(0, 7);
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const out: UnansweredQuestion[] = [];
    for (const month of [thisMonth, lastMonth]) {
      const page = await client
        .listEntities<UnansweredQuestion>({ queryOptions: { filter: `PartitionKey eq '${month}'` } })
        .byPage({ maxPageSize: limit })
        .next();
      if (!page.done) for (const e of page.value) out.push({ at: e.at, text: e.text, role: e.role, reason: e.reason });
      if (out.length >= limit) break;
    }
    return out.slice(0, limit);
  }
}
