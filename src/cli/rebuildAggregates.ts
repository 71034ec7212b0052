import { rebuildAggregates } from '../features/scores/aggregatesRebuild.js';
import { runCli, withServices } from './cliStorage.js';

const USAGE = `Recompute every outcome-score aggregate from the stored answers and report any difference
from the incrementally maintained aggregates (there should be none).

  npm run aggregates:rebuild            report only
  npm run aggregates:rebuild -- --fix   also replace the aggregates with the recomputed ones`;

runCli(async () => {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log(USAGE);
    return;
  }
  await withServices(async (s) => {
    const report = await rebuildAggregates(s.seeds.bank, s.seeds.themeList, s.stores.respondents, s.stores.counters, {
      fix: args.includes('--fix'),
      onProgress: (n) => process.stderr.write(`\r${n} respondents read`),
    });
    console.log(`Read ${report.respondents} respondents and ${report.answers} answers.`);
    if (report.differences.length === 0) {
      console.log('No difference: the incremental aggregates match a computation from scratch.');
      return;
    }
    console.log(`${report.differences.length} differences between stored and recomputed aggregates:`);
    for (const d of report.differences.slice(0, 50))
      console.log(`  ${d.term} ${d.row} ${d.field}: stored ${d.stored}, recomputed ${d.recomputed}`);
    console.log(
      report.fixed
        ? 'Fixed: the aggregates were replaced by the recomputed values.'
        : 'Run with --fix to replace them.',
    );
    process.exitCode = 1;
  });
});
