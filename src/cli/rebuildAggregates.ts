import { rebuildAggregates } from '../features/scores/aggregatesRebuild.js';
import { lines, runCli, withServices, type CliIo } from './cliStorage.js';

const USAGE = `Recompute every outcome-score aggregate from the stored answers and report any difference
from the incrementally maintained aggregates (there should be none).

  npm run aggregates:rebuild            report only
  npm run aggregates:rebuild -- --fix   also replace the aggregates with the recomputed ones`;

export async function main(io: CliIo): Promise<number> {
  const { out } = lines(io);
  const args = io.argv;
  if (args.includes('--help')) {
    out(USAGE);
    return 0;
  }
  return withServices(io, async (s) => {
    const report = await rebuildAggregates(s.seeds.bank, s.seeds.themeList, s.stores.respondents, s.stores.counters, {
      fix: args.includes('--fix'),
      onProgress: (n) => io.stderr.write(`\r${n} respondents read`),
    });
    out(`Read ${report.respondents} respondents and ${report.answers} answers.`);
    if (report.differences.length === 0) {
      out('No difference: the incremental aggregates match a computation from scratch.');
      return 0;
    }
    out(`${report.differences.length} differences between stored and recomputed aggregates:`);
    for (const d of report.differences.slice(0, 50))
      out(`  ${d.term} ${d.row} ${d.field}: stored ${d.stored}, recomputed ${d.recomputed}`);
    out(
      report.fixed
        ? 'Fixed: the aggregates were replaced by the recomputed values.'
        : 'Run with --fix to replace them.',
    );
    return 1;
  });
}

runCli(import.meta.url, main);
