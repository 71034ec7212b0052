import { AddressBookRepository } from '../../src/features/addressBook/storage/addressBookRepository.js';
import { DigestLedgerRepository } from '../../src/features/digests/storage/digestLedgerRepository.js';
import { DigestSubscriptionsRepository } from '../../src/features/digests/storage/digestSubscriptionsRepository.js';
import { SecretsRepository } from '../../src/storage/secretsRepository.js';
import {
  InMemoryAddressBook,
  InMemoryLedger,
  InMemorySecrets,
  InMemorySubscriptions,
} from '../support/fakes/inMemoryStores.js';
import {
  describeAddressBookContract,
  describeDigestLedgerContract,
  describeDigestSubscriptionsContract,
  describeSecretsContract,
} from './digests.contract.js';
import { freshTableStore } from './support/azuriteTables.js';

describeAddressBookContract('in-memory fake', async () => ({ store: new InMemoryAddressBook() }));
describeAddressBookContract('Azurite', async () => ({ store: new AddressBookRepository(await freshTableStore()) }));

describeDigestSubscriptionsContract('in-memory fake', async () => ({ store: new InMemorySubscriptions() }));
describeDigestSubscriptionsContract('Azurite', async () => ({
  store: new DigestSubscriptionsRepository(await freshTableStore()),
}));

describeDigestLedgerContract('in-memory fake', async () => ({ store: new InMemoryLedger() }));
describeDigestLedgerContract('Azurite', async () => ({
  store: new DigestLedgerRepository(await freshTableStore(), 2 * 60_000),
}));

describeSecretsContract('in-memory fake', async () => ({ store: new InMemorySecrets() }));
describeSecretsContract('Azurite', async () => ({ store: new SecretsRepository(await freshTableStore()) }));
