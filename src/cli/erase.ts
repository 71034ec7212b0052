import { ErasureService } from '../features/admin/erasureService.js';
import { checkReviewRef } from '../features/invitations/domain/reviewRef.js';
import { fail, runCli, withServices } from './cliStorage.js';

const USAGE = `Erase everything held for one review (answers, progress, invitations) and correct the aggregates.

  npm run erase -- <review_ref>`;

runCli(async () => {
  const [input, ...extra] = process.argv.slice(2);
  if (!input || input === '--help' || extra.length) {
    console.log(USAGE);
    if (!input || extra.length) process.exitCode = 2;
    return;
  }
  const ref = checkReviewRef(input);
  if (!ref.ok) fail(ref.message, 2);
  await withServices(async (s) => {
    const report = await new ErasureService(
      s.stores.respondents,
      s.stores.invitations,
      s.stores.worryAlerts,
      s.services.familyContacts,
    ).erase(ref.reviewRef);
    console.log(
      `Erased review ${report.reviewRef}: ${report.answers} answers, ${report.respondents} respondent records, ${report.invitations} invitations, ${report.alerts} worry alerts, ${report.contacts} phone numbers or emails. Aggregates corrected.`,
    );
  });
});
