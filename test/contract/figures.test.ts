import { MeasureValuesRepository } from '../../src/features/measures/storage/measureValuesRepository.js';
import { ReferralsRepository } from '../../src/features/waits/storage/referralsRepository.js';
import { WaitSummariesRepository } from '../../src/features/waits/storage/waitSummariesRepository.js';
import { InMemoryMeasureValues, InMemoryReferrals, InMemoryWaitSummaries } from '../support/fakes/inMemoryStores.js';
import { describeMeasureStoreContract } from './measures.contract.js';
import { freshTableStore } from './support/azuriteTables.js';
import { describeReferralStoreContract, describeWaitSummaryStoreContract } from './waits.contract.js';

describeReferralStoreContract('in-memory fake', async () => ({ store: new InMemoryReferrals() }));
describeReferralStoreContract('Azurite', async () => ({ store: new ReferralsRepository(await freshTableStore()) }));

describeWaitSummaryStoreContract('in-memory fake', async () => ({ store: new InMemoryWaitSummaries() }));
describeWaitSummaryStoreContract('Azurite', async () => ({
  store: new WaitSummariesRepository(await freshTableStore()),
}));

describeMeasureStoreContract('in-memory fake', async () => ({ store: new InMemoryMeasureValues() }));
describeMeasureStoreContract('Azurite', async () => ({
  store: new MeasureValuesRepository(await freshTableStore()),
}));
