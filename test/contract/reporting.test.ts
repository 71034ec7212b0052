import { ExceptionNotesRepository } from '../../src/features/exceptions/storage/exceptionNotesRepository.js';
import { PublicMarksRepository } from '../../src/features/publicOutcomes/storage/publicMarksRepository.js';
import { ReportViewsRepository } from '../../src/features/boardPack/storage/reportViewsRepository.js';
import {
  InMemoryExceptionNotes,
  InMemoryPublicMarks,
  InMemoryReportViews,
} from '../support/fakes/inMemoryReporting.js';
import {
  describeExceptionNotesContract,
  describePublicMarksContract,
  describeReportViewLogContract,
} from './reporting.contract.js';
import { freshTableStore } from './support/azuriteTables.js';

describeExceptionNotesContract('in-memory fake', async () => ({ store: new InMemoryExceptionNotes() }));
describeExceptionNotesContract('Azurite', async () => ({
  store: new ExceptionNotesRepository(await freshTableStore()),
}));
describePublicMarksContract('in-memory fake', async () => ({ store: new InMemoryPublicMarks() }));
describePublicMarksContract('Azurite', async () => ({ store: new PublicMarksRepository(await freshTableStore()) }));
describeReportViewLogContract('in-memory fake', async () => ({ store: new InMemoryReportViews() }));
describeReportViewLogContract('Azurite', async () => ({ store: new ReportViewsRepository(await freshTableStore()) }));
