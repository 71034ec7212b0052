import {
  TableClient,
  TableServiceClient,
  RestError,
  type TableEntity,
  type TableTransactionResponse,
  type TransactionAction,
} from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { assertEntityWithinLimits, AZURE_LIMITS } from './azureLimits.js';
import { performance } from 'node:perf_hooks';
import { ReadCache, type ReadCacheOptions } from './readCache.js';
import { entriesOfAction, logTime, MAX_WRITE_MS, withoutEtag, type RedoEntry, type RedoLog } from './redoLog.js';

/** Every table the product uses, named in one place. */
export const TABLES = {
  roles: 'roles',
  invitations: 'invitations',
  answers: 'answers',
  conversations: 'conversations',
  attempts: 'codeattempts',
  aggregates: 'aggregates',
  journal: 'journal',
  questionLog: 'unanswered',
  referrals: 'referrals',
  waitSummaries: 'waitsummaries',
  conversationRefs: 'conversationrefs',
  subscriptions: 'subscriptions',
  sendLedger: 'sendledger',
  secrets: 'secrets',
  measureValues: 'measurevalues',
  benchmarks: 'benchmarks',
  reviewViews: 'reviewviews',
  worryAlerts: 'worryalerts',
  youSaid: 'yousaid',
  contacts: 'contacts',
  familyMessages: 'familymessages',
  staffNotices: 'staffnotices',
  exceptions: 'exceptions',
  publicMarks: 'publicmarks',
  reportViews: 'reportviews',
} as const;
export type TableName = (typeof TABLES)[keyof typeof TABLES];

/**
 * An account reached with a token (a managed identity) instead of a key. `tlsCa`: a certificate to trust
 * instead of the public ones, only for a test's own https endpoint.
 */
export type TokenTarget = { accountUrl: string; credential: TokenCredential; tlsCa?: string };
/** A connection string (Azurite, tests, the command-line tools) or an account reached with a token. */
export type TableTarget = string | TokenTarget;

/**
 * Hands out TableClients for one storage account. Each table is created lazily, once per process,
 * the first time it is used (never in a constructor), so start-up does no I/O it does not need.
 */
export class TableStore {
  private readonly created = new Map<string, Promise<TableClient>>();

  /**
   * `redo`: the embedded store's redo log; every successful write is on disk there before it returns.
   * `cacheClock`: the monotonic milliseconds the repositories' caches age by (tests move it by hand).
   */
  constructor(
    private readonly target: TableTarget,
    private readonly redo?: RedoLog,
    private readonly cacheClock: () => number = () => performance.now(),
  ) {}

  /** A cache for a repository over this store, under the one policy (see ReadCache). */
  cache<V>(options: Omit<ReadCacheOptions, 'now'>): ReadCache<V> {
    return new ReadCache<V>({ ...options, now: this.cacheClock });
  }

  private options() {
    if (typeof this.target !== 'string') return this.target.tlsCa ? { tlsOptions: { ca: this.target.tlsCa } } : {};
    // Plain http is only ever used for the local emulator on loopback.
    return {
      allowInsecureConnection: /DefaultEndpointsProtocol=http;|TableEndpoint=http:\/\//i.test(this.target),
    };
  }

  table(name: TableName): Promise<TableClient> {
    let pending = this.created.get(name);
    if (!pending) {
      const client =
        typeof this.target === 'string'
          ? TableClient.fromConnectionString(this.target, name, this.options())
          : new TableClient(this.target.accountUrl, name, this.target.credential, this.options());
      const redo = this.redo;
      pending = client.createTable().then(() => (redo ? withRedo(client, name, redo) : client));
      pending.catch(() => this.created.delete(name));
      this.created.set(name, pending);
    }
    return pending;
  }

  // One client, so health checks reuse its connections and its token.
  private service?: TableServiceClient;

  serviceClient(): TableServiceClient {
    this.service ??=
      typeof this.target === 'string'
        ? TableServiceClient.fromConnectionString(this.target, this.options())
        : new TableServiceClient(this.target.accountUrl, this.target.credential, this.options());
    return this.service;
  }

  /**
   * A quick reachability check for start-up and health: lists at most one table. `signal` abandons the
   * request (and its retries), so a readiness probe against a silent store leaves nothing waiting.
   */
  async ping(signal?: AbortSignal): Promise<void> {
    const iter = this.serviceClient().listTables({ abortSignal: signal }).byPage({ maxPageSize: 1 });
    await iter.next();
  }
}

/**
 * The same client, with each successful write also appended to the redo log (and synced) before the
 * caller sees it succeed. Reads pass straight through. Each entry is stamped before its request is sent (see
 * redoLog.ts); a write that took longer than the replay window allows is logged but reported as failed.
 */
function withRedo(client: TableClient, table: string, redo: RedoLog): TableClient {
  const logged = Object.create(client) as TableClient;
  const durably = async <T>(write: () => Promise<T>, entries: (at: number) => RedoEntry[]): Promise<T> => {
    const at = logTime();
    const result = await write();
    const took = logTime() - at;
    await redo.append(entries(at));
    if (took > MAX_WRITE_MS)
      throw new Error(`a write to ${table} took ${Math.round(took / 1000)} s: too long to be sure it survives a crash`);
    return result;
  };
  logged.createEntity = (entity, options) =>
    durably(
      () => client.createEntity(entity, options),
      (at) => [{ at, table, op: 'upsert', mode: 'Replace', entity: withoutEtag(entity) }],
    );
  logged.upsertEntity = (entity, mode = 'Merge', options) =>
    durably(
      () => client.upsertEntity(entity, mode, options),
      (at) => [{ at, table, op: 'upsert', mode, entity: withoutEtag(entity) }],
    );
  logged.updateEntity = (entity, mode = 'Merge', options) =>
    durably(
      () => client.updateEntity(entity, mode, options),
      (at) => [{ at, table, op: 'upsert', mode, entity: withoutEtag(entity) }],
    );
  logged.deleteEntity = (partitionKey, rowKey, options) =>
    durably(
      () => client.deleteEntity(partitionKey, rowKey, options),
      (at) => [{ at, table, op: 'delete', partitionKey, rowKey }],
    );
  logged.submitTransaction = (actions, options) =>
    durably(
      () => client.submitTransaction(actions, options),
      (at) => actions.map((a) => entriesOfAction(table, a, at)),
    );
  return logged;
}

export function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof RestError && error.statusCode !== undefined && statuses.includes(error.statusCode);
}

/** Reads one entity, or undefined when it does not exist. */
export async function getOrUndefined<T extends object>(
  client: TableClient,
  partitionKey: string,
  rowKey: string,
): Promise<(TableEntity<T> & { etag: string }) | undefined> {
  try {
    return (await client.getEntity<T>(partitionKey, rowKey)) as TableEntity<T> & { etag: string };
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw error;
  }
}

/** Submits a transaction after checking every entity against Azure's limits (Azurite would not). */
export async function submitChecked(
  client: TableClient,
  actions: TransactionAction[],
): Promise<TableTransactionResponse | undefined> {
  if (actions.length === 0) return undefined;
  if (actions.length > AZURE_LIMITS.batchMaxOperations)
    throw new Error(`a transaction may hold at most ${AZURE_LIMITS.batchMaxOperations} operations`);
  for (const action of actions) assertEntityWithinLimits(action[1]);
  return client.submitTransaction(actions);
}

export function isConflict(error: unknown): boolean {
  if (isStatus(error, 409, 412)) return true;
  // A failed transaction reports the status of the operation that failed.
  const code = (error as { code?: string } | undefined)?.code;
  return code === 'UpdateConditionNotSatisfied' || code === 'EntityAlreadyExists' || code === 'ConditionNotMet';
}
