import { AggregatesRepository } from '../../src/features/scores/storage/aggregatesRepository.js';
import { AggregateWriter } from '../../src/features/scores/storage/aggregateWriter.js';
import { InvitationsRepository } from '../../src/features/invitations/storage/invitationsRepository.js';
import { ConversationsRepository } from '../../src/features/survey/storage/conversationsRepository.js';
import { JournalRepository } from '../../src/features/survey/storage/journalRepository.js';
import { RespondentStore } from '../../src/features/survey/storage/respondentStore.js';
import {
  InMemoryAggregates,
  InMemoryAskContext,
  InMemoryBindings,
  InMemoryInvitations,
  InMemoryRespondents,
} from '../support/fakes/inMemoryStores.js';
import { describeAskContextContract, describeConversationBindingsContract } from './conversations.contract.js';
import { describeInvitationStoreContract } from './invitations.contract.js';
import {
  bank,
  describeAggregateMaintenanceContract,
  describeRespondentRecordsContract,
} from './respondents.contract.js';
import { freshTableStore } from './support/azuriteTables.js';

describeInvitationStoreContract('in-memory fake', async () => ({ store: new InMemoryInvitations() }));
describeInvitationStoreContract('Azurite', async () => ({ store: new InvitationsRepository(await freshTableStore()) }));

describeConversationBindingsContract('in-memory fake', async () => ({ store: new InMemoryBindings() }));
describeConversationBindingsContract('Azurite', async () => ({
  store: new ConversationsRepository(await freshTableStore()),
}));

describeAskContextContract('in-memory fake', async () => ({ store: new InMemoryAskContext() }));
describeAskContextContract('Azurite', async () => ({ store: new ConversationsRepository(await freshTableStore()) }));

describeRespondentRecordsContract('in-memory fake', async () => {
  const counters = new InMemoryAggregates();
  return { store: { respondents: new InMemoryRespondents(bank, counters), counters } };
});
describeRespondentRecordsContract('Azurite', async () => {
  const tables = await freshTableStore();
  const counters = new AggregatesRepository(tables);
  const journal = new JournalRepository(tables);
  const respondents = new RespondentStore(tables, new AggregateWriter(counters), journal, bank);
  // The journal removes finished operations' rows a moment later: do it now, so no timer outlives the test.
  return { store: { respondents, counters }, cleanup: () => journal.flush() };
});

describeAggregateMaintenanceContract('in-memory fake', async () => ({ store: new InMemoryAggregates() }));
describeAggregateMaintenanceContract('Azurite', async () => ({
  store: new AggregatesRepository(await freshTableStore()),
}));
