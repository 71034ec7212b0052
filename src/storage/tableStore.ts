import { TableClient, TableServiceClient, RestError, type TableEntity, type TableTransactionResponse, type TransactionAction } from '@azure/data-tables';
import { assertEntityWithinLimits, AZURE_LIMITS } from './azureLimits.js';

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
} as const;
export type TableName = (typeof TABLES)[keyof typeof TABLES];

/**
 * Hands out TableClients for one storage account. Each table is created lazily, once per process,
 * the first time it is used (never in a constructor), so start-up does no I/O it does not need.
 */
export class TableStore {
  private readonly created = new Map<string, Promise<TableClient>>();

  constructor(private readonly connectionString: string) {}

  private options() {
    // Plain http is only ever used for the local emulator on loopback.
    return { allowInsecureConnection: /DefaultEndpointsProtocol=http;|TableEndpoint=http:\/\//i.test(this.connectionString) };
  }

  table(name: TableName): Promise<TableClient> {
    let pending = this.created.get(name);
    if (!pending) {
      const client = TableClient.fromConnectionString(this.connectionString, name, this.options());
      pending = client.createTable().then(() => client);
      pending.catch(() => this.created.delete(name));
      this.created.set(name, pending);
    }
    return pending;
  }

  serviceClient(): TableServiceClient {
    return TableServiceClient.fromConnectionString(this.connectionString, this.options());
  }

  /** A quick reachability check for start-up and health: lists at most one table. */
  async ping(): Promise<void> {
    const iter = this.serviceClient().listTables().byPage({ maxPageSize: 1 });
    await iter.next();
  }
}

export function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof RestError && error.statusCode !== undefined && statuses.includes(error.statusCode);
}

/** Reads one entity, or undefined when it does not exist. */
export async function getOrUndefined<T extends object>(client: TableClient, partitionKey: string, rowKey: string): Promise<(TableEntity<T> & { etag: string }) | undefined> {
  try {
    return (await client.getEntity<T>(partitionKey, rowKey)) as TableEntity<T> & { etag: string };
  } catch (error) {
    if (isStatus(error, 404)) return undefined;
    throw error;
  }
}

/** Submits a transaction after checking every entity against Azure's limits (Azurite would not). */
export async function submitChecked(client: TableClient, actions: TransactionAction[]): Promise<TableTransactionResponse | undefined> {
  if (actions.length === 0) return undefined;
  if (actions.length > AZURE_LIMITS.batchMaxOperations) throw new Error(`a transaction may hold at most ${AZURE_LIMITS.batchMaxOperations} operations`);
  for (const action of actions) assertEntityWithinLimits(action[1] as TableEntity & Record<string, unknown>);
  return client.submitTransaction(actions);
}

export function isConflict(error: unknown): boolean {
  if (isStatus(error, 409, 412)) return true;
  // A failed transaction reports the status of the operation that failed.
  const code = (error as { code?: string } | undefined)?.code;
  return code === 'UpdateConditionNotSatisfied' || code === 'EntityAlreadyExists' || code === 'ConditionNotMet';
}
