import { expect } from 'chai';
import type { DefaultAzureCredentialClientIdOptions } from '@azure/identity';
import { loadConfig } from '../../../src/config/config.js';
import { defaultCredential, openStorage, type CredentialFactory } from '../../../src/storage/storageTarget.js';

const IDENTITY = 'cccccccc-1111-2222-3333-444444444444';
const ACCOUNT_URL = 'https://councilsend.table.core.windows.net';

/** The production path builds its credential from the configuration alone; nothing here reaches a network. */
describe('opening storage from the configuration', () => {
  function recording(): { factory: CredentialFactory; asked: DefaultAzureCredentialClientIdOptions[] } {
    const asked: DefaultAzureCredentialClientIdOptions[] = [];
    return {
      asked,
      factory: (options) => {
        asked.push({ ...options }); // DefaultAzureCredential adds to the object it is given
        return defaultCredential(options);
      },
    };
  }

  it('makes a DefaultAzureCredential for the identity AZURE_CLIENT_ID names', async () => {
    const { factory, asked } = recording();
    const config = loadConfig({ STORAGE_ACCOUNT_URL: ACCOUNT_URL, AZURE_CLIENT_ID: IDENTITY });
    const storage = await openStorage(config.storage, { credential: factory });
    expect(asked).to.deep.equal([{ managedIdentityClientId: IDENTITY }]);
    expect(storage.target).to.deep.include({ accountUrl: ACCOUNT_URL });
    const { DefaultAzureCredential } = await import('@azure/identity');
    expect(typeof storage.target === 'object' && storage.target.credential).to.be.instanceOf(DefaultAzureCredential);
    expect(storage.redo).to.equal(undefined);
  });

  it('lets DefaultAzureCredential choose when no identity is named', async () => {
    const { factory, asked } = recording();
    await openStorage(loadConfig({ STORAGE_ACCOUNT_URL: ACCOUNT_URL }).storage, { credential: factory });
    expect(asked).to.deep.equal([{}]);
  });

  it('passes a connection string through as it is, with no credential made', async () => {
    const { factory, asked } = recording();
    const connectionString = 'DefaultEndpointsProtocol=https;AccountName=councilsend;AccountKey=a2V5;';
    const storage = await openStorage(loadConfig({ STORAGE_CONNECTION_STRING: connectionString }).storage, {
      credential: factory,
    });
    expect(storage).to.deep.equal({ target: connectionString });
    expect(asked).to.deep.equal([]);
  });
});
