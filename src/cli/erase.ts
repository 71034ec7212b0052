import { ErasureService } from '../features/admin/erasureService.js';
import { checkReviewRef } from '../features/invitations/domain/reviewRef.js';
import { fail, lines, runCli, withServices, type CliIo } from './cliStorage.js';

const USAGE = `Erase everything held for one review (answers, progress, invitations) and correct the aggregates.

  npm run erase -- <review_ref>`;

export async function main(io: CliIo): Promise<number> {
  const [input, ...extra] = io.argv;
  if (!input || input === '--help' || extra.length) {
    lines(io).out(USAGE);
    return !input || extra.length ? 2 : 0;
  }
  const ref = checkReviewRef(input);
  if (!ref.ok) fail(io, ref.message, 2);
  await withServices(io, async (s) => {
    const report = await new ErasureService(
      s.stores.respondents,
      s.stores.invitations,
      s.stores.worryAlerts,
      s.services.familyContacts,
    ).erase(ref.reviewRef);
    lines(io).out(
      `Erased review ${report.reviewRef}: ${report.answers} answers, ${report.respondents} respondent records, ${report.invitations} invitations, ${report.alerts} worry alerts, ${report.contacts} phone numbers or emails. Aggregates corrected.`,
    );
  });
  return 0;
}

runCli(import.meta.url, main);
