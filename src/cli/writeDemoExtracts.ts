import { writeFileSync } from 'node:fs';
import { isRealIsoDate } from '../domain/dates.js';
import { fromRoot } from '../config/projectPaths.js';
import { demoReferrals, referralsToCsv } from '../features/waits/domain/demoExtracts.js';
import { loadServiceCatalogue } from '../seeds/loadSeeds.js';

/**
 * Regenerates seeds/demo/referrals-<service>.csv, one per catalogue service. Deterministic.
 * Run: npx tsx src/cli/writeDemoExtracts.ts [today, default 2026-11-22]
 */
const today = process.argv[2] ?? '2026-11-22';
if (!isRealIsoDate(today)) {
  console.error(`today must be a real date written YYYY-MM-DD, got '${today}'`);
  process.exit(1);
}
for (const service of loadServiceCatalogue()) {
  const referrals = demoReferrals(service.id, service.shortName, today);
  const file = fromRoot('seeds', 'demo', `referrals-${service.id}.csv`);
  writeFileSync(file, referralsToCsv(referrals));
  console.log(`wrote ${referrals.length} referrals to seeds/demo/referrals-${service.id}.csv (as of ${today})`);
}
