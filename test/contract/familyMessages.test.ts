import { FamilyMessagesRepository } from '../../src/features/familyContacts/storage/familyMessagesRepository.js';
import { InMemoryFamilyMessages } from '../support/fakes/inMemoryFamilyMessages.js';
import { describeFamilyMessagesContract } from './familyMessages.contract.js';
import { freshTableStore } from './support/azuriteTables.js';

describeFamilyMessagesContract('in-memory fake', async () => ({ store: new InMemoryFamilyMessages(5 * 60_000) }));
describeFamilyMessagesContract('Azurite', async () => ({
  store: new FamilyMessagesRepository(await freshTableStore(), 5 * 60_000),
}));
