import { existsSync } from 'node:fs';
import path from 'node:path';
import { ReferralsImport } from '../features/waits/referralsImport.js';
import { ResponsesImport } from '../features/survey/responsesImport.js';
import { MeasuresImport } from '../features/measures/measuresImport.js';
import { BenchmarksImport } from '../features/measures/benchmarksImport.js';
import { CsvHeaderError, type RowError } from '../imports/csvRows.js';
import { fail, lines, runCli, withServices, type CliIo } from './cliStorage.js';
import type { Core } from '../composeServices.js';
import { progressBar } from './progress.js';

const USAGE = `Import a CSV into the store.

  npm run import -- responses <file.csv> [--skip-invalid]
      historical survey answers: review_ref, respondent, submitted_on, question_id, score, text

  npm run import -- referrals <file.csv> [--skip-invalid]
      a service's waiting-list extract: referral_id, service, referred_on, triaged_on, first_seen_on, closed_on
      (dates YYYY-MM-DD; triaged_on, first_seen_on and closed_on may be empty; service is one of
      salt, asd, adhd, nd, ehcna or another id in seeds/services.json)

  npm run import -- measures <file.csv> [--skip-invalid]
      the framework's other measures: measure_id, period, numerator, denominator, value
      (measure_id as in seeds/measures.json; period a term 2025-26-spring, a month 2026-03 or an
      academic year 2025-26, as the measure's frequency says; a percent gives numerator and
      denominator, a count its value, a rate its value and, where known, numerator and denominator)

  npm run import -- benchmarks <file.csv> [--skip-invalid]
      published comparators for those measures: measure_id, period, comparator, numerator, denominator, value
      (comparator england, region or statistical_neighbours; the other columns as for measures, except that
      a percent may give only its value, 0 to 100, for an average with no counts such as the neighbours',
      and a count takes no comparator: only shares and rates are like for like between areas)

Every row is checked first. If any row is invalid nothing is imported, unless --skip-invalid is given:
then the valid rows are imported and the rejected ones written beside the file (<file>.rejects.csv).
Importing the same file again changes nothing; a corrected extract replaces referrals with the same id,
a measure's period imported again replaces the figures stored for it, and a comparator's figure for a
measure and period imported again replaces it.`;

export async function main(io: CliIo): Promise<number> {
  const args = io.argv;
  const skipInvalid = args.includes('--skip-invalid');
  const [kind, file, ...extra] = args.filter((a) => a !== '--skip-invalid');
  if (!kind || kind === '--help' || kind === 'help') {
    lines(io).out(USAGE);
    return 0;
  }
  if (kind !== 'responses' && kind !== 'referrals' && kind !== 'measures' && kind !== 'benchmarks')
    fail(io, `Unknown import "${kind}".\n\n${USAGE}`, 2);
  if (!file || extra.length) fail(io, `Give exactly one CSV file.\n\n${USAGE}`, 2);
  if (!existsSync(file)) fail(io, `No such file: ${file}`, 2);
  const absolute = path.resolve(file);
  try {
    const run = {
      responses: importResponses,
      referrals: importReferrals,
      measures: importMeasures,
      benchmarks: importBenchmarks,
    }[kind];
    return await run(io, absolute, skipInvalid);
  } catch (error) {
    if (error instanceof CsvHeaderError || (error as { code?: string }).code?.startsWith('CSV_'))
      fail(io, `${file}: ${(error as Error).message}`, 1);
    throw error;
  }
}

runCli(import.meta.url, main);

type ImportReport = { rows: number; invalid: RowError[]; imported: boolean; rejectsFile?: string };

/**
 * One import with its progress bar: reads and checks every row, then either writes them all or (when any
 * row is invalid and --skip-invalid was not given) writes nothing and says how to go on.
 */
async function runImport<R extends ImportReport>(
  io: CliIo,
  phase: { name: string; label: string },
  run: (s: Core, onProgress: (p: { phase: string; done: number; total?: number }) => void) => Promise<R>,
  done: (report: R, s: Core) => string[],
): Promise<number> {
  return withServices(io, async (s) => {
    const bar = progressBar(phase.label, io.stderr);
    const report = await run(s, (p) => (p.phase === phase.name ? bar.update(p.done, p.total) : undefined));
    bar.stop();
    printErrors(io, report.invalid);
    if (!report.imported) {
      lines(io).err(
        `\nNothing imported: ${report.invalid.length} of ${report.rows} rows are invalid (listed above and in ${report.rejectsFile}). Fix them, or run again with --skip-invalid to import the ${report.rows - report.invalid.length} valid rows.`,
      );
      return 1;
    }
    for (const line of done(report, s)) lines(io).out(line);
    return 0;
  });
}

const rowsLine = (file: string, r: ImportReport, asOf = '') =>
  `${path.basename(file)}${asOf}: ${r.rows} rows read, ${r.rows - r.invalid.length} valid, ${r.invalid.length} rejected${r.rejectsFile ? ` (written to ${r.rejectsFile})` : ''}`;

function importResponses(io: CliIo, file: string, skipInvalid: boolean): Promise<number> {
  return runImport(
    io,
    { name: 'importing', label: 'importing respondents' },
    (s, onProgress) =>
      new ResponsesImport(s.seeds.bank, s.seeds.themeList, s.seeds.terms, s.clock, s.stores.respondents).run(file, {
        skipInvalid,
        onProgress,
      }),
    (report) => [
      `\nImported ${rowsLine(file, report)}.`,
      `${report.respondents} respondents; ${report.respondentsChanged} changed, ${report.respondents - report.respondentsChanged} already up to date; ${report.answersWritten} answers written. Aggregates updated.`,
    ],
  );
}

function importReferrals(io: CliIo, file: string, skipInvalid: boolean): Promise<number> {
  return runImport(
    io,
    { name: 'writing', label: 'writing referrals' },
    (s, onProgress) =>
      new ReferralsImport(s.clock, s.services.waits, s.stores.referrals, s.stores.waitSummaries).run(file, {
        skipInvalid,
        onProgress,
      }),
    (report, s) => [
      `\nImported ${rowsLine(file, report, ` as of ${s.clock.today()}`)}${report.repeatedRows ? `, ${report.repeatedRows} exact repeats kept once` : ''}.`,
      ...report.services.map(
        (svc) =>
          `  ${svc.id}: ${svc.added} new, ${svc.changed} updated, ${svc.unchanged} already up to date; ${svc.referralsStored} referrals now stored. Waiting-time figures updated.`,
      ),
    ],
  );
}

function importMeasures(io: CliIo, file: string, skipInvalid: boolean): Promise<number> {
  return runImport(
    io,
    { name: 'writing', label: 'writing measures' },
    (s, onProgress) =>
      new MeasuresImport(s.services.measures.catalogue.measures, s.clock, s.stores.measureValues).run(file, {
        skipInvalid,
        onProgress,
      }),
    (report) => [
      `\nImported ${rowsLine(file, report)}${report.repeatedRows ? `, ${report.repeatedRows} exact repeats kept once` : ''}.`,
      ...report.measures.map(
        (m) => `  ${m.id}: ${m.periods} period${m.periods === 1 ? '' : 's'} stored (replacing any stored before).`,
      ),
    ],
  );
}

function importBenchmarks(io: CliIo, file: string, skipInvalid: boolean): Promise<number> {
  return runImport(
    io,
    { name: 'writing', label: 'writing comparators' },
    (s, onProgress) =>
      new BenchmarksImport(s.services.measures.catalogue.measures, s.clock, s.stores.benchmarks).run(file, {
        skipInvalid,
        onProgress,
      }),
    (report) => [
      `\nImported ${rowsLine(file, report)}${report.repeatedRows ? `, ${report.repeatedRows} exact repeats kept once` : ''}.`,
      ...report.measures.map(
        (m) =>
          `  ${m.id}: ${m.figures} comparator figure${m.figures === 1 ? '' : 's'} stored (replacing any stored before for the same period and comparator).`,
      ),
    ],
  );
}

export function printErrors(io: CliIo, invalid: RowError[], limit = 20): void {
  const { err } = lines(io);
  for (const r of invalid.slice(0, limit)) err(`line ${r.line}: ${r.errors.join('; ')}`);
  if (invalid.length > limit) err(`… and ${invalid.length - limit} more (see the rejects file)`);
}
