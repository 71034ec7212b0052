import { ContactsRepository } from '../../src/features/familyContacts/storage/contactsRepository.js';
import { InMemoryContacts } from '../support/fakes/inMemoryContacts.js';
import { describeContactStoreContract } from './contacts.contract.js';
import { freshTableStore } from './support/azuriteTables.js';

describeContactStoreContract('in-memory fake', async () => ({ store: new InMemoryContacts() }));
describeContactStoreContract('Azurite', async () => ({ store: new ContactsRepository(await freshTableStore()) }));
