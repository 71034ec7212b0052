import type { Logger } from '../config/logger.js';
import type { Services } from '../services.js';
import { fromRoot } from '../domain/projectPaths.js';
import type { RespondentRole } from '../domain/survey/questionBank.js';
import { ResponsesImport } from '../imports/responsesImport.js';
import { TABLES } from '../storage/tableStore.js';

/**
 * On first start with an empty store, loads the synthetic demo data from seeds/demo, so a newcomer can
 * ask for scores straight away. Never runs against a store that holds anything.
 */
export async function loadDemoDataIfEmpty(services: Services, logger: Logger): Promise<void> {
  const answers = await services.store.table(TABLES.answers);
  const first = await answers.listEntities().byPage({ maxPageSize: 1 }).next();
  if (!first.done && first.value.length > 0) return;
  logger.info('empty store: loading synthetic demo data from seeds/demo');
  const report = await new ResponsesImport(services.bank, services.terms, services.clock, services.respondents).run(fromRoot('seeds', 'demo', 'responses.csv'), { skipInvalid: true });
  // Some invitations this term that nobody has started yet, so response rates are not all 100%.
  const term = services.terms.termOf(services.clock.today()).id;
  for (let i = 1; i <= 14; i++) {
    const role: RespondentRole = i % 2 ? 'pc' : 'cyp';
    await services.invitationService.ensureRespondent(`DEMO-${5000 + i}`, role, term);
  }
  logger.info({ rows: report.rows, respondents: report.respondents, skipped: report.invalid.length }, 'demo survey answers loaded');
}
