import { BenchmarksRepository } from '../../src/features/measures/storage/benchmarksRepository.js';
import { InMemoryBenchmarks } from '../support/fakes/inMemoryStores.js';
import { describeBenchmarkStoreContract } from './benchmarks.contract.js';
import { freshTableStore } from './support/azuriteTables.js';

describeBenchmarkStoreContract('in-memory fake', async () => ({ store: new InMemoryBenchmarks() }));
describeBenchmarkStoreContract('Azurite', async () => ({ store: new BenchmarksRepository(await freshTableStore()) }));
