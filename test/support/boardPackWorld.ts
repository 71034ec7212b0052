import type { StaffRole } from '../../src/domain/access/roles.js';
import { existsSync } from 'node:fs';
import { fromRoot } from '../../src/config/projectPaths.js';
import { MeasuresImport } from '../../src/features/measures/measuresImport.js';
import { ResponsesImport } from '../../src/features/survey/responsesImport.js';
import { ReferralsImport } from '../../src/features/waits/referralsImport.js';
import { loadMeasureCatalogue, loadThemeList } from '../../src/seeds/loadSeeds.js';
import { fakeWorld } from './fakes/fakeWorld.js';

/**
 * The fake world with the demo data loaded (seeds/demo: survey answers and measures), as a fresh
 * `npm start` has it, for the board pack and public page tests. `today` inside the demo's range.
 */
export async function demoWorld(opts: { today?: string; roles?: Record<string, StaffRole[]> } = {}) {
  const world = fakeWorld({ today: opts.today ?? '2026-12-07', roles: opts.roles });
  await new MeasuresImport(loadMeasureCatalogue().measures, world.clock, world.measureValues).run(
    fromRoot('seeds', 'demo', 'measures.csv'),
    { skipInvalid: true, keepRejects: false },
  );
  await new ResponsesImport(world.bank, loadThemeList(), world.terms, world.clock, world.respondents).run(
    fromRoot('seeds', 'demo', 'responses.csv'),
    { skipInvalid: true },
  );
  const referrals = new ReferralsImport(world.clock, world.waits, world.referrals, world.waitSummaries);
  for (const service of world.catalogue) {
    const file = fromRoot('seeds', 'demo', `referrals-${service.id}.csv`);
    if (existsSync(file)) await referrals.run(file, { skipInvalid: true, keepRejects: false });
  }
  return world;
}
