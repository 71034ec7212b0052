import { odata, type TableClient } from '@azure/data-tables';
import { parseExtractSnapshot, type ExtractSnapshot } from '../domain/extractSnapshot.js';
import { parseServiceSummary, type ServiceSummary } from '../domain/serviceSummary.js';
import { AZURE_LIMITS } from '../../../storage/azureLimits.js';
import type { ReadCache } from '../../../storage/readCache.js';
import { getOrUndefined, isConflict, TABLES, type TableStore } from '../../../storage/tableStore.js';
import type { WaitSummaryStore } from '../waitsStores.js';

/**
 * One precomputed summary per service (see domain/waits/serviceSummary.ts): a waiting-time question
 * reads this one entity, never the referrals. PartitionKey the service id; RowKeys `summary~<id>` and
 * `gen~<id>` (unique across the table).
 *
 * Two imports of one service may overlap (two operators, two machines). Each import bumps the service's
 * generation after writing its referrals, reads the generation, then the referrals, and stores its
 * summary only if no summary from a later generation is there. A summary built from a later
 * generation has read every write of the earlier ones, so the stored summary never misses an import.
 */
const PART_CHARS = AZURE_LIMITS.stringMaxChars - 256;
const MAX_PARTS = 30; // about 1 MB of JSON: the entity limit

type SummaryEntity = { generation: number; parts: number } & Record<string, unknown>;

export class WaitSummariesRepository implements WaitSummaryStore {
  /** Kept for at most 5 s (an import on another instance shows within that); this instance's saves forget it. */
  private readonly summaries: ReadCache<ServiceSummary | undefined>;

  /** Each service's kept extracts, on the same terms as the summaries. */
  private readonly history: ReadCache<ExtractSnapshot[]>;

  constructor(private readonly store: TableStore) {
    this.summaries = store.cache({
      maxEntries: 256,
      maxAgeMs: 5_000,
      keepMissing: true,
    });
    this.history = store.cache({ maxEntries: 256, maxAgeMs: 5_000 });
  }

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.waitSummaries);
  }

  /** The service's summary, or undefined when no referrals were ever imported for it. */
  get(serviceId: string): Promise<ServiceSummary | undefined> {
    return this.summaries.get(serviceId, async () => {
      const entity = await getOrUndefined<SummaryEntity>(await this.table(), serviceId, `summary~${serviceId}`);
      return entity ? parseServiceSummary(JSON.parse(joinParts(entity))) : undefined;
    });
  }

  /** Drops the kept copies (the benchmark uses this to measure reading the table every time). */
  forgetCopies(): void {
    this.summaries.forgetAll();
    this.history.forgetAll();
  }

  /** Marks that new referrals of the service are written; returns the new generation. */
  async bumpGeneration(serviceId: string): Promise<number> {
    const client = await this.table();
    for (;;) {
      const current = await getOrUndefined<{ generation: number }>(client, serviceId, `gen~${serviceId}`);
      const next = (current?.generation ?? 0) + 1;
      try {
        if (current)
          await client.updateEntity(
            { partitionKey: serviceId, rowKey: `gen~${serviceId}`, generation: next },
            'Replace',
            { etag: current.etag },
          );
        else await client.createEntity({ partitionKey: serviceId, rowKey: `gen~${serviceId}`, generation: next });
        return next;
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }
  }

  async generation(serviceId: string): Promise<number> {
    return (
      (await getOrUndefined<{ generation: number }>(await this.table(), serviceId, `gen~${serviceId}`))?.generation ?? 0
    );
  }

  /**
   * Keeps one extract's figures under `extract~<asOf>`: small (a few hundred characters), so one entity per
   * extract date. The same generation rule as the summary: an import that read less never replaces it.
   */
  async saveSnapshot(snapshot: ExtractSnapshot, generation: number): Promise<'saved' | 'superseded'> {
    const client = await this.table();
    const rowKey = `extract~${snapshot.asOf}`;
    const entity = { partitionKey: snapshot.serviceId, rowKey, generation, json: JSON.stringify(snapshot) };
    return this.history.write(snapshot.serviceId, () =>
      replaceUnlessNewer(client, snapshot.serviceId, rowKey, generation, entity),
    );
  }

  /** Every extract kept for the service, oldest first (RowKeys sort by date). */
  snapshots(serviceId: string): Promise<ExtractSnapshot[]> {
    return this.history.get(serviceId, async () => {
      const client = await this.table();
      const out: ExtractSnapshot[] = [];
      const filter = odata`PartitionKey eq ${serviceId} and RowKey ge 'extract~' and RowKey lt 'extract~~'`;
      for await (const e of client.listEntities<{ json: string }>({ queryOptions: { filter } }))
        out.push(parseExtractSnapshot(JSON.parse(e.json)));
      return out.sort((a, b) => a.asOf.localeCompare(b.asOf));
    });
  }

  /** Stores a summary built after reading `generation`, unless one from a later generation is already stored. */
  async save(summary: ServiceSummary, generation: number): Promise<'saved' | 'superseded'> {
    const client = await this.table();
    const json = JSON.stringify(summary);
    const parts = Math.ceil(json.length / PART_CHARS) || 1;
    if (parts > MAX_PARTS)
      throw new Error(
        `the ${summary.serviceId} waiting-list summary is too large to store (${json.length} characters)`,
      );
    const entity: SummaryEntity & { partitionKey: string; rowKey: string } = {
      partitionKey: summary.serviceId,
      rowKey: `summary~${summary.serviceId}`,
      generation,
      parts,
    };
    for (let i = 0; i < parts; i++) entity[`part${i}`] = json.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
    // Forgotten afterwards, saved or not: the next question reads what is stored now.
    return this.summaries.write(summary.serviceId, () =>
      replaceUnlessNewer(client, summary.serviceId, `summary~${summary.serviceId}`, generation, entity),
    );
  }
}

/** Writes `entity` unless the stored one was built from a later generation (ETag-checked, retried on a race). */
async function replaceUnlessNewer(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
  generation: number,
  entity: { partitionKey: string; rowKey: string } & Record<string, unknown>,
): Promise<'saved' | 'superseded'> {
  for (;;) {
    const current = await getOrUndefined<{ generation: number }>(client, partitionKey, rowKey);
    if (current && current.generation > generation) return 'superseded';
    try {
      if (current) await client.updateEntity(entity, 'Replace', { etag: current.etag });
      else await client.createEntity(entity);
      return 'saved';
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
  }
}

function joinParts(entity: SummaryEntity): string {
  let json = '';
  for (let i = 0; i < entity.parts; i++) {
    const part = entity[`part${i}`];
    if (typeof part !== 'string')
      throw new Error(`stored waiting-list summary ${String(entity.rowKey)} is missing part ${i}`);
    json += part;
  }
  return json;
}
