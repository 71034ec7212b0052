import type { DefaultAzureCredentialClientIdOptions, TokenCredential } from '@azure/identity';
import type { Config } from '../config/config.js';
import type { RedoLog } from './redoLog.js';
import { startOrAttachAzurite, type EmbeddedStore, type StartProgress } from './sharedAzurite.js';
import type { TableTarget } from './tableStore.js';

/** Makes the credential for an account URL; tests pass their own to see what it was asked for. */
export type CredentialFactory = (
  options: DefaultAzureCredentialClientIdOptions,
) => TokenCredential | Promise<TokenCredential>;

/**
 * On Azure this is the managed identity (App Service, Container Apps, AKS workload identity); on a
 * developer's machine, their Azure CLI sign-in. No key is ever held.
 */
export const defaultCredential = async (options: DefaultAzureCredentialClientIdOptions): Promise<TokenCredential> => {
  // Loaded only here (about 0.3 s, imported alone): a start with a key or the embedded store never needs it.
  const { DefaultAzureCredential } = await import('@azure/identity');
  return new DefaultAzureCredential(options);
};

export type OpenedStorage = {
  target: TableTarget;
  /** Only for the embedded store: its Azurite (to stop) and the redo log every write goes through. */
  azurite?: EmbeddedStore;
  redo?: RedoLog;
};

/**
 * The one place the configured storage is opened, for the bot and the command-line tools alike: a
 * connection string, an account URL with a managed identity, or the embedded Azurite under DATA_DIR
 * (started, or attached to another process's).
 */
export async function openStorage(
  storage: Config['storage'],
  options: { credential?: CredentialFactory; onProgress?: StartProgress; tlsCa?: string } = {},
): Promise<OpenedStorage> {
  switch (storage.kind) {
    case 'embedded': {
      const azurite = await startOrAttachAzurite(storage.dataDir, options.onProgress);
      return { target: azurite.connectionString, azurite, redo: azurite.redo };
    }
    case 'connectionString':
      return { target: storage.connectionString };
    case 'accountUrl': {
      const makeCredential = options.credential ?? defaultCredential;
      const credential = await makeCredential(
        storage.managedIdentityClientId ? { managedIdentityClientId: storage.managedIdentityClientId } : {},
      );
      return { target: { accountUrl: storage.accountUrl, credential, tlsCa: options.tlsCa } };
    }
  }
}
