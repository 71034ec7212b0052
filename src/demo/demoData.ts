import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Logger } from '../config/logger.js';
import type { Core } from '../composeServices.js';
import { fromRoot } from '../config/projectPaths.js';
import type { RespondentRole } from '../domain/survey/questionBank.js';
import { ReferralsImport } from '../features/waits/referralsImport.js';
import { ResponsesImport } from '../features/survey/responsesImport.js';
import { MeasuresImport } from '../features/measures/measuresImport.js';
import { BenchmarksImport } from '../features/measures/benchmarksImport.js';
import { TABLES, type TableName } from '../storage/tableStore.js';
import { addDays } from '../domain/dates.js';

/** Earlier demo extracts kept for each service (every four weeks). */
const DEMO_HISTORY_EXTRACTS = 13;

/**
 * Loads the demo data after the bot has started listening, so a newcomer can chat at once (the load takes
 * tens of seconds): until it has finished, answers say honestly what is loaded so far. Never rejects; a
 * failure is logged.
 */
export async function loadDemoDataInBackground(product: Core, logger: Logger): Promise<void> {
  const started = performance.now();
  logger.info('loading demo data in the background: figures appear as it loads');
  try {
    await loadDemoDataIfEmpty(product, logger);
    logger.info({ seconds: Math.round((performance.now() - started) / 100) / 10 }, 'demo data ready');
  } catch (error) {
    logger.error({ err: error }, 'loading demo data failed; what loaded is kept');
  }
}

/**
 * On first start with an empty store, loads the synthetic demo data from seeds/demo, so a newcomer can
 * ask for scores and waiting times straight away. Survey answers and waiting-list extracts are each
 * loaded only into an empty table, so demo data never mixes with real data.
 */
export async function loadDemoDataIfEmpty(product: Core, logger: Logger): Promise<void> {
  if (await isEmpty(product, TABLES.referrals)) await loadDemoReferrals(product, logger);
  if (await isEmpty(product, TABLES.measureValues)) await loadDemoMeasures(product, logger);
  if (await isEmpty(product, TABLES.publicMarks)) await publishDemoFigures(product, logger);
  if (!(await isEmpty(product, TABLES.answers))) return;
  logger.info('empty store: loading synthetic demo data from seeds/demo');
  const report = await new ResponsesImport(
    product.seeds.bank,
    product.seeds.themeList,
    product.seeds.terms,
    product.clock,
    product.stores.respondents,
  ).run(fromRoot('seeds', 'demo', 'responses.csv'), { skipInvalid: true });
  // Some invitations this term that nobody has started yet, so response rates are not all 100%.
  const term = product.seeds.terms.termOf(product.clock.today()).id;
  for (let i = 1; i <= 14; i++) {
    const role: RespondentRole = i % 2 ? 'pc' : 'cyp';
    await product.services.invitationService.ensureRespondent(`DEMO-${5000 + i}`, role, term);
  }
  logger.info(
    { rows: report.rows, respondents: report.respondents, skipped: report.invalid.length },
    'demo survey answers loaded',
  );
}

async function isEmpty(product: Core, table: TableName): Promise<boolean> {
  const first = await (await product.store.table(table)).listEntities().byPage({ maxPageSize: 1 }).next();
  return first.done || first.value.length === 0;
}

/**
 * Synthetic figures for every framework measure over the last two academic years (seeds/demo/measures.csv),
 * and synthetic England, region and neighbour comparators for those that have published ones
 * (seeds/demo/benchmarks.csv). Comparators are loaded only beside demo figures, into an empty table, so they
 * never sit beside a council's own.
 */
async function loadDemoMeasures(product: Core, logger: Logger): Promise<void> {
  const file = fromRoot('seeds', 'demo', 'measures.csv');
  if (!existsSync(file)) return;
  const comparators = fromRoot('seeds', 'demo', 'benchmarks.csv');
  if (existsSync(comparators) && (await isEmpty(product, TABLES.benchmarks))) {
    const loaded = await new BenchmarksImport(
      product.services.measures.catalogue.measures,
      product.clock,
      product.stores.benchmarks,
    ).run(comparators, { skipInvalid: true, keepRejects: false });
    logger.info({ rows: loaded.rows, skipped: loaded.invalid.length }, 'demo comparators loaded');
  }
  // Periods after BOT_TODAY (a demo set in the past) are skipped rather than stopping the load.
  const report = await new MeasuresImport(
    product.services.measures.catalogue.measures,
    product.clock,
    product.stores.measureValues,
  ).run(file, { skipInvalid: true, keepRejects: false });
  logger.info({ rows: report.rows, skipped: report.invalid.length }, 'demo framework measures loaded');
}

/**
 * The headline measures and every outcome's scores, marked public as a manager would, so a fresh start's
 * /outcomes page is full. Only into an empty table: a manager's own choices are never overwritten.
 */
const DEMO_PUBLIC_MEASURES = [
  'ar_on_time',
  'plans_qa_good',
  'advice_on_time',
  'attendance_ehcp',
  'perm_exclusions_ehcp',
  'eet_16_25',
  'short_breaks',
  'tribunal_appeals',
];
async function publishDemoFigures(product: Core, logger: Logger): Promise<void> {
  const known = new Set(product.seeds.measures.measures.map((m) => m.id));
  const subjects = [
    ...product.seeds.bank.outcomes.map((o) => `outcome:${o.id}` as const),
    ...DEMO_PUBLIC_MEASURES.filter((id) => known.has(id)).map((id) => `measure:${id}` as const),
  ];
  await product.services.publicOutcomes.mark(subjects, true, 'demo data');
  logger.info({ subjects: subjects.length }, 'demo figures marked public for /outcomes');
}

/** One synthetic extract per service in the catalogue (seeds/demo/referrals-<id>.csv), where there is one. */
async function loadDemoReferrals(product: Core, logger: Logger): Promise<void> {
  const load = new ReferralsImport(
    product.clock,
    product.services.waits,
    product.stores.referrals,
    product.stores.waitSummaries,
  );
  for (const service of product.services.waits.catalogue) {
    const file = fromRoot('seeds', 'demo', `referrals-${service.id}.csv`);
    if (!existsSync(file)) continue;
    // Rows dated after BOT_TODAY (a demo set in the past) are skipped rather than stopping the load.
    const report = await load.run(file, { skipInvalid: true, keepRejects: false });
    // Earlier extracts, every four weeks over the past year, so "has it changed since September" has an answer.
    const today = product.clock.today();
    const earlier = Array.from({ length: DEMO_HISTORY_EXTRACTS }, (_, i) => addDays(today, -28 * (i + 1))).reverse();
    await product.services.waits.recordDemoHistory(service, earlier);
    logger.info(
      { service: service.id, rows: report.rows, skipped: report.invalid.length },
      'demo waiting-list extract loaded',
    );
  }
}
