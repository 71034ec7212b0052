import { QuestionLogRepository } from '../../src/features/admin/storage/questionLogRepository.js';
import { RolesRepository } from '../../src/features/admin/storage/rolesRepository.js';
import { ReviewViewsRepository } from '../../src/features/reviews/storage/reviewViewsRepository.js';
import { WorryAlertsRepository } from '../../src/features/worries/storage/worryAlertsRepository.js';
import { YouSaidRepository } from '../../src/features/youSaid/storage/youSaidRepository.js';
import {
  InMemoryQuestionLog,
  InMemoryReviewViews,
  InMemoryRoles,
  InMemoryWorryAlerts,
  InMemoryYouSaid,
} from '../support/fakes/inMemoryStores.js';
import {
  describeQuestionLogContract,
  describeReviewViewLogContract,
  describeRoleStoreContract,
  describeYouSaidStoreContract,
} from './records.contract.js';
import { freshTableStore } from './support/azuriteTables.js';
import { describeWorryAlertStoreContract } from './worries.contract.js';

describeRoleStoreContract('in-memory fake', async (roles) => ({
  store: new InMemoryRoles(new Map(Object.entries(roles))),
}));
describeRoleStoreContract('Azurite', async (roles) => {
  const store = new RolesRepository(await freshTableStore());
  for (const [userId, given] of Object.entries(roles)) await store.set(userId, given, 'contract-test');
  return { store };
});

describeQuestionLogContract('in-memory fake', async () => ({ store: new InMemoryQuestionLog() }));
describeQuestionLogContract('Azurite', async () => ({ store: new QuestionLogRepository(await freshTableStore()) }));

describeReviewViewLogContract('in-memory fake', async () => ({ store: new InMemoryReviewViews() }));
describeReviewViewLogContract('Azurite', async () => ({ store: new ReviewViewsRepository(await freshTableStore()) }));

describeWorryAlertStoreContract('in-memory fake', async () => ({ store: new InMemoryWorryAlerts() }));
describeWorryAlertStoreContract('Azurite', async () => ({ store: new WorryAlertsRepository(await freshTableStore()) }));

describeYouSaidStoreContract('in-memory fake', async () => ({ store: new InMemoryYouSaid() }));
describeYouSaidStoreContract('Azurite', async () => ({ store: new YouSaidRepository(await freshTableStore()) }));
