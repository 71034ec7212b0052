import type { TableClient } from '@azure/data-tables';
import { parseServiceSummary, type ServiceSummary } from '../../domain/waits/serviceSummary.js';
import { AZURE_LIMITS } from '../azureLimits.js';
import { getOrUndefined, isConflict, TABLES, type TableStore } from '../tableStore.js';
import type { WaitSummaryStore } from '../../ports/figureStores.js';

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
  private readonly cache = new Map<string, { summary: ServiceSummary | undefined; at: number }>();

  constructor(
    private readonly store: TableStore,
    private readonly maxAgeMs = 5_000,
  ) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLES.waitSummaries);
  }

  /** The service's summary, or undefined when no referrals were ever imported for it. Kept ≤ maxAgeMs. */
  async get(serviceId: string): Promise<ServiceSummary | undefined> {
    const hit = this.cache.get(serviceId);
    if (hit && Date.now() - hit.at <= this.maxAgeMs) return hit.summary;
    const entity = await getOrUndefined<SummaryEntity>(await this.table(), serviceId, `summary~${serviceId}`);
    const summary = entity ? parseServiceSummary(JSON.parse(joinParts(entity))) : undefined;
    this.cache.set(serviceId, { summary, at: Date.now() });
    return summary;
  }

  /** Drops the in-memory copies (the benchmark uses this to measure reading the table every time). */
  forget(): void {
    this.cache.clear();
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
    for (;;) {
      const current = await getOrUndefined<SummaryEntity>(client, summary.serviceId, `summary~${summary.serviceId}`);
      if (current && current.generation > generation) return 'superseded';
      try {
        if (current) await client.updateEntity(entity, 'Replace', { etag: current.etag });
        else await client.createEntity(entity);
        this.cache.delete(summary.serviceId);
        return 'saved';
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
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
