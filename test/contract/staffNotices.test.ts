import { StaffNoticesRepository } from '../../src/features/familyContacts/storage/staffNoticesRepository.js';
import { InMemoryStaffNotices } from '../support/fakes/inMemoryStaffNotices.js';
import { describeStaffNoticesContract } from './staffNotices.contract.js';
import { freshTableStore } from './support/azuriteTables.js';

describeStaffNoticesContract('in-memory fake', async () => ({ store: new InMemoryStaffNotices() }));
describeStaffNoticesContract('Azurite', async () => ({ store: new StaffNoticesRepository(await freshTableStore()) }));
