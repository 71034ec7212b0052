import { writeFileSync } from 'node:fs';
import { TableClient } from '@azure/data-tables';
import { rebuildAggregates } from '../src/features/scores/aggregatesRebuild.js';
import { composeBot } from '../src/compositionRoot.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/config/logger.js';
import { fromRoot } from '../src/config/projectPaths.js';
import { sectionOrder, sectionQuestionIds } from '../src/features/survey/domain/sections.js';
import type { RespondentRole } from '../src/domain/survey/questionBank.js';
import { listen } from '../src/http/server.js';
import { startEmbeddedAzurite } from '../src/storage/embeddedAzurite.js';
import { seedAnswers } from './seedAnswers.js';
import { writeLargeExtract } from './referralsExtract.js';
import { ReferralsImport } from '../src/features/waits/referralsImport.js';
import { tmpdir } from 'node:os';
import { RecordingChannel } from '../test/support/recordingChannel.js';
import path from 'node:path';
import { median, percentile, rssMiB, timeEach } from './stats.js';
import { addDays } from '../src/domain/dates.js';
import { measureDurableSaves, measureMixedLoad } from './durabilityAndLoad.js';
import { askBot, measureBuiltApp, measureNpmStart } from './coldStart.js';
import { measureReminderRun, REMINDER_BENCH_NOTE, type BenchRow } from './reminders.js';
import { execFileSync } from 'node:child_process';
import { loadThemeList } from '../src/seeds/loadSeeds.js';
import { presentBoardPack } from '../src/features/boardPack/boardPackPresenter.js';
import { boardPackHtml } from '../src/features/boardPack/boardPackPagePresenter.js';
import { boardPackPdf, forgetWrittenPdfs } from '../src/features/boardPack/boardPackPdfPresenter.js';
import { forgetDrawnCharts } from '../src/features/boardPack/trendChart.js';
import { publicOutcomesHtml } from '../src/features/publicOutcomes/publicOutcomesPagePresenter.js';

/**
 * npm run bench: measures, side by side in one run against one in-memory Azurite, the product's hot
 * paths against baselines taken in the same run (ratios, not absolute times, are the targets).
 */
const TODAY = '2026-11-22';
const SAMPLES = 200;
const FAMILIES = 20;
// The full run seeds 1M answers (several minutes); BENCH_ANSWERS=20000 gives a quick check of the code paths.
const TARGET_ANSWERS = Number(process.env.BENCH_ANSWERS ?? 1_000_000);
const rows: { measure: string; value: string; target: string; met: string }[] = [];
const log = (m: string) => process.stderr.write(`${m}\n`);

const azurite = await startEmbeddedAzurite();
const tableOf = (list: BenchRow[]) =>
  [
    '| measure | value | target | met |',
    '| --- | --- | --- | --- |',
    ...list.map((r) => `| ${r.measure} | ${r.value} | ${r.target} | ${r.met} |`),
  ].join('\n');
/** npm start's row: a newcomer's first start, median of five, beside a bare Node server. */
async function npmStartRow(): Promise<BenchRow> {
  const { readyMs, baselineMs } = await measureNpmStart(5);
  const ready = median(readyMs);
  const baseline = median(baselineMs);
  return {
    measure:
      'npm start on a fresh data folder (embedded Azurite, demo data loading after) to /readyz 200, median of 5, beside a bare Node server',
    value: `${(ready / 1000).toFixed(2)} s (${readyMs.map((ms) => (ms / 1000).toFixed(1)).join(', ')}; bare Node: ${(baseline / 1000).toFixed(2)} s; ${(ready / baseline).toFixed(0)}×)`,
    target: '≤ 10 s',
    met: ready <= 10_000 ? 'yes' : 'NO',
  };
}
// BENCH_ONLY=start: npm start's row alone (under a minute); printed, BENCHMARKS.md is not written.
if (process.env.BENCH_ONLY === 'start') {
  const row = await npmStartRow();
  console.log(tableOf([row]));
  await azurite.stop();
  process.exit(row.met === 'yes' ? 0 : 1);
}
// BENCH_ONLY=reminders: the reminder case alone (under a minute); its rows are printed, BENCHMARKS.md is not written.
if (process.env.BENCH_ONLY === 'reminders') {
  const only = await measureReminderRun(azurite.connectionString, log);
  console.log(tableOf(only.rows));
  await azurite.stop();
  process.exit(only.met ? 0 : 1);
}
const SEND_RATE = 50; // messages per second: the recording channel's limit and the bot's configured pace
const config = loadConfig({
  STORAGE_CONNECTION_STRING: azurite.connectionString,
  BOT_TODAY: TODAY,
  DEV_ROLES: 'practitioner',
  DEMO_DATA: 'false',
  LOG_LEVEL: 'silent',
  DIGEST_SENDS_PER_SECOND: String(SEND_RATE),
});
const s = composeBot(config, createLogger('silent'), { target: azurite.connectionString });
const server = s.server;
await listen(server, 0, '127.0.0.1');
const url = `http://127.0.0.1:${server.address().port}/api/messages`;

const ask = (text: string) => askBot(url, text);

async function latency(text: string): Promise<number[]> {
  await timeEach(20, () => ask(text)); // warm up
  return timeEach(SAMPLES, () => ask(text));
}

/** Two questions asked turn about (after a warm-up of each): their timings, in the order given. */
async function latencyBeside(text: string, baselineText: string): Promise<[number[], number[]]> {
  await timeEach(20, () => ask(text));
  await timeEach(20, () => ask(baselineText));
  const [a, b]: [number[], number[]] = [[], []];
  for (let i = 0; i < SAMPLES; i++) {
    a.push(...(await timeEach(1, () => ask(text))));
    b.push(...(await timeEach(1, () => ask(baselineText))));
  }
  return [a, b];
}

// 1. Baseline and the score question at 10k answers.
log('seeding 10k answers…');
let seeded = await seedAnswers(s, {
  fromRespondent: 0,
  answers: 10_000,
  terms: ['2026-27-autumn', '2026-27-autumn', '2025-26-summer'],
  seed: 1,
});
const baseline = await latency('help');
const scoreQuestion = 'outcome scores this term';
const at10k = await latency(scoreQuestion);
log(`baseline median ${median(baseline).toFixed(2)} ms; score question at 10k ${median(at10k).toFixed(2)} ms`);

// 2. Ingestion: 20 families at once, each answering whole surveys, against raw single-entity upserts.
// Invitations are made and codes entered first (not timed): the measure is section submissions.
const SURVEYS_PER_FAMILY = 8;
type Survey = { code: string; conversation: string; role: RespondentRole };
const surveys: Survey[][] = [];
for (let f = 0; f < FAMILIES; f++) {
  surveys.push([]);
  for (let k = 0; k < SURVEYS_PER_FAMILY; k++) {
    const role: RespondentRole = (f + k) % 2 ? 'cyp' : 'pc';
    const inv = await s.services.invitationService.invite(`IN-${f}${String(k).padStart(4, '0')}`, role, 'bench');
    if (inv.kind !== 'created') throw new Error('invitation failed');
    const conversation = `bench-family-${f}-${k}`;
    await s.services.survey.redeem(conversation, inv.code);
    surveys[f].push({ code: inv.code, conversation, role });
  }
}
async function family(f: number): Promise<number> {
  let answers = 0;
  for (const [k, survey] of surveys[f].entries()) {
    for (const section of sectionOrder(s.seeds.bank)) {
      const value: Record<string, unknown> = {
        verb: 'survey.saveSection',
        code: survey.code,
        section,
        bankVersion: s.seeds.bank.version,
      };
      for (const [i, q] of sectionQuestionIds(s.seeds.bank, section, survey.role).entries())
        value[q] = section === 'text' ? (i % 2 ? 'a few words' : '') : String(1 + ((f + i + k) % 5));
      const result = await s.services.survey.saveSection(survey.conversation, value);
      if (result.kind !== 'saved') throw new Error(`section not saved: ${result.kind}`);
      answers += result.answers.answers.length;
    }
  }
  return answers;
}
/**
 * Raw single-entity upserts by as many concurrent writers, into a table of their own: the baseline the ingestion
 * is set against. Measured just before and just after the families (the mean is used), as one burst after them
 * varied by a third between runs on the same code.
 */
async function rawUpsertsPerSecond(table: string): Promise<number> {
  const client = TableClient.fromConnectionString(azurite.connectionString, table, { allowInsecureConnection: true });
  await client.createTable();
  const RAW = 6000;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: FAMILIES }, async () => {
      while (next < RAW) {
        const i = next++;
        await client.upsertEntity({ partitionKey: `p${i % 200}`, rowKey: String(i), score: i % 5 }, 'Replace');
      }
    }),
  );
  return RAW / ((performance.now() - started) / 1000);
}
const rawBefore = await rawUpsertsPerSecond('benchrawbefore');
log('ingestion: 20 concurrent families…');
let t = performance.now();
const perFamily = await Promise.all(Array.from({ length: FAMILIES }, (_, f) => family(f)));
const ingestSeconds = (performance.now() - t) / 1000;
const answersStored = perFamily.reduce((a, b) => a + b, 0);
const sections = FAMILIES * SURVEYS_PER_FAMILY * sectionOrder(s.seeds.bank).length;
const answersPerSecond = answersStored / ingestSeconds;

const rawAfter = await rawUpsertsPerSecond('benchrawafter');
const rawPerSecond = (rawBefore + rawAfter) / 2;
log(
  `ingestion ${answersPerSecond.toFixed(0)} answers/s (${(sections / ingestSeconds).toFixed(0)} sections/s); raw ${rawBefore.toFixed(0)} upserts/s before, ${rawAfter.toFixed(0)} after`,
);

// 2b. Durable acknowledgement (the embedded store's redo log) and a mixed load through HTTP.
log('saves with and without the redo log…');
const durable = await measureDurableSaves(config, azurite.connectionString);
log(
  `save median ${median(durable.without).toFixed(2)} ms → ${median(durable.withLog).toFixed(2)} ms with the redo log`,
);
log('mixed load: 20 practitioners asking while 20 families save…');
const mixed = await measureMixedLoad(s, url, { practitioners: 20, families: 20, questionsEach: 25 });
log(
  `questions p95 ${percentile(mixed.idle, 95).toFixed(1)} ms idle → ${percentile(mixed.loaded, 95).toFixed(1)} ms under load`,
);

await s.stores.journal.flush();
const rebuild = await rebuildAggregates(s.seeds.bank, loadThemeList(), s.stores.respondents, s.stores.counters);
log(`rebuild after the concurrent run: ${rebuild.differences.length} differences over ${rebuild.answers} answers`);

// 3. The score question at 1M answers.
log('seeding to 1M answers (transactions straight into Azurite)…');
t = performance.now();
const more = await seedAnswers(s, {
  fromRespondent: 100_000,
  answers: Math.max(0, TARGET_ANSWERS - seeded.answers - answersStored),
  terms: ['2026-27-autumn', '2025-26-summer', '2025-26-spring'],
  seed: 2,
  onProgress: (n) => log(`  ${n} answers`),
});
const seedSeconds = (performance.now() - t) / 1000;
seeded = { respondents: seeded.respondents + more.respondents, answers: seeded.answers + more.answers };
const totalAnswers = seeded.answers + answersStored;
log(`seeded ${more.answers} more answers in ${seedSeconds.toFixed(0)} s; ${totalAnswers} in all`);
s.stores.counters.forgetCopies(); // seeding bypassed the writer
// Seeding leaves much garbage behind: collect it, then ask the question and the baseline turn about, so a
// collection or a busy moment falls on both alike (measured one after the other, the ratio went from 1.20x to
// 1.71x between two runs on the same code).
(globalThis as { gc?: () => void }).gc?.();
const [at1m, baseline2] = await latencyBeside(scoreQuestion, 'help');
// The same question with the in-memory counters dropped before every ask: each one reads the table.
const cold1m = await timeEach(SAMPLES, async () => {
  s.stores.counters.forgetCopies();
  await ask(scoreQuestion);
});

// 4. Waiting times at 100k referrals: imported through the real import, then asked about.
const REFERRALS = 100_000;
const extract = path.join(tmpdir(), `bench-referrals-${process.pid}.csv`);
writeLargeExtract(
  extract,
  REFERRALS,
  s.services.waits.catalogue.map((x) => x.id),
  TODAY,
);
log(`importing ${REFERRALS} referrals…`);
t = performance.now();
const imported = await new ReferralsImport(s.clock, s.services.waits, s.stores.referrals, s.stores.waitSummaries).run(
  extract,
);
const importSeconds = (performance.now() - t) / 1000;
if (!imported.imported) throw new Error(`bench extract rejected: ${JSON.stringify(imported.invalid.slice(0, 3))}`);
const waitQuestion = 'current wait for SALT';
// The import leaves much garbage behind: collect it, then take the question and its baseline turn by
// turn, so both see the same machine (a collection or a busy moment falls on both alike).
(globalThis as { gc?: () => void }).gc?.();
const [waitAt100k, baseline3] = await latencyBeside(waitQuestion, 'help');
const [overviewAt100k] = await latencyBeside('which services are missing their targets?', 'help');
const waitCold = await timeEach(SAMPLES, async () => {
  s.stores.waitSummaries.forgetCopies();
  await ask(waitQuestion);
});
// 4a. "Has it changed since September?": thirteen earlier extracts kept per service (as the demo keeps them).
for (const service of s.services.waits.catalogue)
  await s.services.waits.recordDemoHistory(
    service,
    Array.from({ length: 13 }, (_, i) => addDays(TODAY, -28 * (i + 1))),
  );
const changeQuestion = 'has the SALT waiting list changed since September?';
(globalThis as { gc?: () => void }).gc?.();
const [changeAt100k, baseline5] = await latencyBeside(changeQuestion, 'help');
log(
  `import ${importSeconds.toFixed(1)} s; wait question ${median(waitAt100k).toFixed(2)} ms, overview ${median(overviewAt100k).toFixed(2)} ms, baseline ${median(baseline3).toFixed(2)} ms`,
);

// 4b. A framework-measure question with 50 measures × 5 years loaded: the catalogue's 18 with every period of
// five academic years, and 32 more ids (as a larger catalogue would hold) stored beside them.
const MEASURE_YEARS = [2021, 2022, 2023, 2024, 2025];
const yearLabel = (y: number) => `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
const periodsOf = (frequency: 'term' | 'month' | 'year') =>
  MEASURE_YEARS.flatMap((y) =>
    frequency === 'year'
      ? [yearLabel(y)]
      : frequency === 'term'
        ? ['autumn', 'spring', 'summer'].map((t) => `${yearLabel(y)}-${t}`)
        : Array.from(
            { length: 12 },
            (_, m) => `${y + (m + 8 >= 12 ? 1 : 0)}-${String(((m + 8) % 12) + 1).padStart(2, '0')}`,
          ),
  );
const measureRows = [
  ...s.services.measures.catalogue.measures.map((m) => ({ id: m.id, frequency: m.frequency, unit: m.unit })),
  ...Array.from({ length: 32 }, (_, i) => ({
    id: `bench_extra_${i}`,
    frequency: 'term' as const,
    unit: 'count' as const,
  })),
].flatMap((m) =>
  periodsOf(m.frequency).map((period, i) => ({
    measureId: m.id,
    period,
    ...(m.unit === 'count'
      ? { value: 20 + (i % 7) }
      : { numerator: 60 + (i % 9), denominator: 90, value: (60 + (i % 9)) / 90 }),
    loadedAt: new Date().toISOString(),
    file: 'bench.csv',
  })),
);
await s.stores.measureValues.save(measureRows);
(globalThis as { gc?: () => void }).gc?.();
const measureQuestion = 'annual reviews on time this term?';
const [measureAt50, baseline4] = await latencyBeside(measureQuestion, 'help');
log(
  `measure question ${median(measureAt50).toFixed(2)} ms with ${measureRows.length} figures, baseline ${median(baseline4).toFixed(2)} ms`,
);
// 4c. A measure asked for a period, then a follow-up for another period in the same conversation (issue #24):
// each pair's time halved, turn about with the help turn.
const periodQuestion = 'attendance for EHCP pupils last term';
const periodFollowUp = 'and in 2023-24?';
const askPeriodPair = async () => {
  await ask(periodQuestion);
  await ask(periodFollowUp);
};
await timeEach(20, askPeriodPair);
const [periodPairs, baseline6]: [number[], number[]] = [[], []];
for (let i = 0; i < SAMPLES; i++) {
  periodPairs.push(...(await timeEach(1, askPeriodPair)).map((t) => t / 2));
  baseline6.push(...(await timeEach(1, () => ask('help'))));
}
log(
  `measure with a period and a follow-up ${median(periodPairs).toFixed(2)} ms a turn, baseline ${median(baseline6).toFixed(2)} ms`,
);

// 5. The termly digest at 1M answers: building it (aggregates and summaries read afresh each time), and
// sending it to 500 subscribers through the real proactive path to a channel that enforces a rate limit.
const term = s.seeds.terms.termOf(TODAY);
const digestBuild = await timeEach(20, async () => {
  s.stores.counters.forgetCopies();
  s.stores.waitSummaries.forgetCopies();
  await s.services.digests.build(term);
});
// 5b. The board pack and the public /outcomes page (issue #26). The pack as the board opens it (its figures
// read afresh, every chart drawn anew, the page written) turn about with the digest built the same way; the
// PDF of it for information. The public page over HTTP (every published measure and outcome) turn about with
// the help turn, its charts drawn anew each time and, as served, remembered.
const packPeriod = s.services.boardPacks.resolve({ kind: 'term', term: { kind: 'current' } })!;
const freshReads = () => {
  s.stores.counters.forgetCopies();
  s.stores.waitSummaries.forgetCopies();
};
const buildPack = async () => {
  freshReads();
  forgetDrawnCharts();
  boardPackHtml(await presentBoardPack(await s.services.boardPacks.build(packPeriod)), '');
};
await buildPack();
const [packBuild, digestBeside]: [number[], number[]] = [[], []];
for (let i = 0; i < 10; i++) {
  packBuild.push(...(await timeEach(1, buildPack)));
  digestBeside.push(
    ...(await timeEach(1, async () => {
      freshReads();
      await s.services.digests.build(term);
    })),
  );
}
// A second opening of the same pack: its figures read afresh, its charts (the same figures) remembered.
await buildPack();
const packAgain = await timeEach(10, async () => {
  freshReads();
  boardPackHtml(await presentBoardPack(await s.services.boardPacks.build(packPeriod)), '');
});
const packData = await timeEach(10, async () => {
  freshReads();
  await s.services.boardPacks.build(packPeriod);
});
const packView = await presentBoardPack(await s.services.boardPacks.build(packPeriod));
const packPdf = await timeEach(3, async () => {
  forgetWrittenPdfs();
  await boardPackPdf(packView);
});
await s.services.publicOutcomes.mark(
  [
    ...s.seeds.bank.outcomes.map((o) => `outcome:${o.id}` as const),
    ...s.seeds.measures.measures.map((m) => `measure:${m.id}` as const),
  ],
  true,
  'bench',
);
const outcomesUrl = url.replace('/api/messages', '/outcomes');
const getPage = async () => {
  const res = await fetch(outcomesUrl);
  if (!res.ok) throw new Error(`/outcomes answered ${res.status}`);
  await res.text();
};
await timeEach(3, getPage);
const [pageCold, pageWarm, helpBeside]: [number[], number[], number[]] = [[], [], []];
for (let i = 0; i < 10; i++) {
  pageCold.push(
    ...(await timeEach(1, async () => {
      forgetDrawnCharts();
      await publicOutcomesHtml(s.seeds.bank, await s.services.publicOutcomes.page());
    })),
  );
  helpBeside.push(...(await timeEach(1, () => ask('help'))));
}
for (let i = 0; i < 40; i++) {
  pageWarm.push(...(await timeEach(1, getPage)));
  helpBeside.push(...(await timeEach(1, () => ask('help'))));
}
const packRows = [
  {
    measure: `board pack built (figures read afresh, ${packView.sections.reduce((n, x) => n + x.blocks.filter((b) => b.kind === 'chart').length, 0)} charts drawn anew, the page), median ÷ the digest built turn about (${median(digestBeside).toFixed(1)} ms)`,
    value: `${median(packBuild).toFixed(1)} ms = ${(median(packBuild) / median(digestBeside)).toFixed(2)}×`,
    target: '≤ 5×',
    met: median(packBuild) / median(digestBeside) <= 5 ? 'yes' : 'NO',
  },
  {
    measure:
      'board pack opened again (figures read afresh, the same charts remembered, the page), median ÷ the digest built',
    value: `${median(packAgain).toFixed(1)} ms = ${(median(packAgain) / median(digestBeside)).toFixed(2)}×`,
    target: '(for information)',
    met: '',
  },
  {
    measure: 'board pack figures alone (no charts, no page), median ÷ the digest built',
    value: `${median(packData).toFixed(1)} ms = ${(median(packData) / median(digestBeside)).toFixed(2)}×`,
    target: '(for information)',
    met: '',
  },
  {
    measure: 'board pack PDF written by pdfmake from the laid-out pack, median',
    value: `${median(packPdf).toFixed(0)} ms`,
    target: '(for information)',
    met: '',
  },
  {
    measure: `public /outcomes page over HTTP as served (every measure and outcome published; built at most once a minute per instance), median ÷ help turn beside it (${median(helpBeside).toFixed(2)} ms)`,
    value: `${median(pageWarm).toFixed(2)} ms = ${(median(pageWarm) / median(helpBeside)).toFixed(2)}×`,
    target: '≤ 3×',
    met: median(pageWarm) / median(helpBeside) <= 3 ? 'yes' : 'NO',
  },
  {
    measure: 'public /outcomes page built afresh (figures read, every chart drawn anew), median ÷ help turn',
    value: `${median(pageCold).toFixed(1)} ms = ${(median(pageCold) / median(helpBeside)).toFixed(1)}×`,
    target: '(for information)',
    met: '',
  },
];
for (const r of packRows) log(`${r.measure}: ${r.value} ${r.target} ${r.met}`);
// BENCH_UNTIL=reporting: stop here (a quick look at these cases alone; BENCHMARKS.md is not written).
if (process.env.BENCH_UNTIL === 'reporting') {
  server.close();
  await azurite.stop();
  process.exit(0);
}

const SUBSCRIBERS = 500;
const channel = await RecordingChannel.start({ perSecond: SEND_RATE });
for (let i = 0; i < SUBSCRIBERS; i++) {
  await s.services.digests.subscribe(
    {
      conversationId: `a:bench-manager-${i}`,
      serviceUrl: channel.url,
      channelId: 'msteams',
      conversationType: 'personal',
      tenantId: 'bench',
      botId: 'bot',
    },
    `bench-${i}`,
  );
}
log(`sending the digest to ${SUBSCRIBERS} subscribers at ${SEND_RATE}/s…`);
t = performance.now();
const sendReport = await s.services.digests.sendNow();
const sendSeconds = (performance.now() - t) / 1000;
const sendsPerSecond = channel.received.length / sendSeconds;
const throttled = channel.rejected.filter((r) => r.status === 429).length;
await channel.close();
log(
  `digest build ${median(digestBuild).toFixed(1)} ms; ${sendReport.text} in ${sendSeconds.toFixed(1)} s = ${sendsPerSecond.toFixed(1)}/s, ${throttled} × 429`,
);

// 6. The built app as production starts it (node dist/index.js), against this store at 1M answers: time to
// ready beside a bare Node server, and its own memory after answering questions, in its own process.
log('building and starting the built app against the store…');
execFileSync('npm', ['run', 'build'], { cwd: fromRoot(), stdio: 'ignore' });
const builtApp = await measureBuiltApp(azurite.connectionString, {
  today: TODAY,
  questions: [scoreQuestion, waitQuestion, measureQuestion, 'which services are missing their targets?', 'help'],
  rounds: 20,
});
log(
  `built app ready in ${builtApp.readyMs.toFixed(0)} ms (a bare Node server: ${builtApp.baselineMs.toFixed(0)} ms); ${builtApp.rssMiB.toFixed(0)} MiB after questions`,
);

// The seeding's million rows were the benchmark's, not the bot's: collect them before measuring.
(globalThis as { gc?: () => void }).gc?.();
const botRss = rssMiB();
const botHeap = process.memoryUsage().heapUsed / 1024 / 1024;
const azuriteRss = azurite.pid ? rssMiB(azurite.pid) : NaN;

const b = median(baseline2);
const growth = median(at1m) / b / (median(at10k) / median(baseline));
rows.push({
  measure: 'baseline: "help" turn over HTTP, median (p95)',
  value: `${b.toFixed(2)} ms (${percentile(baseline2, 95).toFixed(2)})`,
  target: '—',
  met: '',
});
rows.push({
  measure: 'section save (service code, real Azurite) with the redo log ÷ without: median (p95)',
  value: `${median(durable.withLog).toFixed(2)} ms ÷ ${median(durable.without).toFixed(2)} ms = ${durable.medianRatio.toFixed(2)}× (p95 ${percentile(durable.withLog, 95).toFixed(2)} ÷ ${percentile(durable.without, 95).toFixed(2)} = ${durable.p95Ratio.toFixed(2)}×)`,
  target: '(the price of durability; for information)',
  met: '',
});
rows.push({
  measure:
    "mixed load over HTTP: 20 practitioners' score questions while 20 families save sections, p95 ÷ the same questions with no families",
  value: `${percentile(mixed.loaded, 95).toFixed(1)} ms ÷ ${percentile(mixed.idle, 95).toFixed(1)} ms = ${mixed.p95Ratio.toFixed(2)}× (${mixed.sectionsPerSecond.toFixed(0)} sections/s saved meanwhile)`,
  target: '≤ 3×',
  met: mixed.p95Ratio <= 3 ? 'yes' : 'NO',
});
rows.push({
  measure: 'score question at 10k answers, median',
  value: `${median(at10k).toFixed(2)} ms (${(median(at10k) / median(baseline)).toFixed(2)}× its baseline)`,
  target: '',
  met: '',
});
rows.push({
  measure: `score question at ${(totalAnswers / 1e6).toFixed(2)}M answers, median ÷ baseline asked turn about`,
  value: `${median(at1m).toFixed(2)} ms = ${(median(at1m) / b).toFixed(2)}×`,
  target: '≤ 1.5×',
  met: median(at1m) / b <= 1.5 ? 'yes' : 'NO',
});
rows.push({
  measure: 'score question at 1M answers reading the table every time (no in-memory counters), median ÷ baseline',
  value: `${median(cold1m).toFixed(2)} ms = ${(median(cold1m) / b).toFixed(2)}×`,
  target: '(for information)',
  met: '',
});
rows.push({
  // Each against the help turn measured with it: the two are minutes apart, and the machine's pace between them
  // moved the plain ratio from 0.87 to 1.67 between two runs on the same code.
  measure: 'score latency at 1M ÷ at 10k, each as a ratio to the help turn measured with it (medians)',
  value: `${growth.toFixed(2)} (plain ${(median(at1m) / median(at10k)).toFixed(2)})`,
  target: '≤ 1.2',
  met: growth <= 1.2 ? 'yes' : 'NO',
});
const b3 = median(baseline3);
rows.push({
  measure: `wait question ("${waitQuestion}") at ${REFERRALS / 1000}k referrals, median ÷ baseline re-measured beside it (${b3.toFixed(2)} ms)`,
  value: `${median(waitAt100k).toFixed(2)} ms = ${(median(waitAt100k) / b3).toFixed(2)}×`,
  target: '≤ 1.5×',
  met: median(waitAt100k) / b3 <= 1.5 ? 'yes' : 'NO',
});
rows.push({
  measure: `waiting-list change ("${changeQuestion}") with 14 extracts kept per service, median ÷ baseline beside it (${median(baseline5).toFixed(2)} ms)`,
  value: `${median(changeAt100k).toFixed(2)} ms = ${(median(changeAt100k) / median(baseline5)).toFixed(2)}×`,
  target: '≤ 1.5×',
  met: median(changeAt100k) / median(baseline5) <= 1.5 ? 'yes' : 'NO',
});
rows.push({
  measure: `every service worst first at ${REFERRALS / 1000}k referrals, median ÷ baseline`,
  value: `${median(overviewAt100k).toFixed(2)} ms = ${(median(overviewAt100k) / b3).toFixed(2)}×`,
  target: '(for information)',
  met: '',
});
rows.push({
  measure: 'wait question reading the stored summary every time (no in-memory copy), median ÷ baseline',
  value: `${median(waitCold).toFixed(2)} ms = ${(median(waitCold) / b3).toFixed(2)}×`,
  target: '(for information)',
  met: '',
});
rows.push({
  measure: `framework-measure question ("${measureQuestion}") with 50 measures × 5 years loaded (${measureRows.length} figures), median ÷ baseline beside it (${median(baseline4).toFixed(2)} ms)`,
  value: `${median(measureAt50).toFixed(2)} ms = ${(median(measureAt50) / median(baseline4)).toFixed(2)}×`,
  target: '≤ 1.5×',
  met: median(measureAt50) / median(baseline4) <= 1.5 ? 'yes' : 'NO',
});
rows.push({
  measure: `a measure question with a period and a follow-up ("${periodQuestion}" then "${periodFollowUp}", same conversation, 50 measures × 5 years loaded), median a turn ÷ help turn beside it (${median(baseline6).toFixed(2)} ms)`,
  value: `${median(periodPairs).toFixed(2)} ms = ${(median(periodPairs) / median(baseline6)).toFixed(2)}×`,
  target: '≤ 1.5×',
  met: median(periodPairs) / median(baseline6) <= 1.5 ? 'yes' : 'NO',
});
rows.push({
  measure: `termly digest built at ${(totalAnswers / 1e6).toFixed(2)}M answers (counters and summaries read afresh), median (p95)`,
  value: `${median(digestBuild).toFixed(1)} ms (${percentile(digestBuild, 95).toFixed(1)})`,
  target: '',
  met: '',
});
rows.push(...packRows);
rows.push({
  measure: `digest sent to ${SUBSCRIBERS} subscribers, channel limit ${SEND_RATE}/s: sends per second ÷ limit`,
  value: `${sendsPerSecond.toFixed(1)}/s = ${((sendsPerSecond / SEND_RATE) * 100).toFixed(0)}% (${channel.received.length} delivered in ${sendSeconds.toFixed(1)} s)`,
  target: '≥ 90%',
  met: sendsPerSecond / SEND_RATE >= 0.9 ? 'yes' : 'NO',
});
rows.push({
  measure: 'digest send: 429 answers from the channel, and the delivery report',
  value: `${throttled} × 429; ${sendReport.text}`,
  target: 'no 429 storm (≤ 1% of sends)',
  met: throttled <= SUBSCRIBERS / 100 && sendReport.sent === SUBSCRIBERS ? 'yes' : 'NO',
});
rows.push({
  measure: `importing ${REFERRALS / 1000}k referrals from CSV (validate, write, summaries)`,
  value: `${importSeconds.toFixed(1)} s (${(REFERRALS / importSeconds).toFixed(0)} rows/s)`,
  target: '',
  met: '',
});
rows.push({
  measure: `ingestion: ${FAMILIES} concurrent families, answers stored/s (sections/s)`,
  value: `${answersPerSecond.toFixed(0)} (${(sections / ingestSeconds).toFixed(0)})`,
  target: '',
  met: '',
});
rows.push({
  measure: `raw single-entity upserts/s, ${FAMILIES} concurrent writers (mean of just before and just after the families)`,
  value: `${rawPerSecond.toFixed(0)} (${rawBefore.toFixed(0)} before, ${rawAfter.toFixed(0)} after)`,
  target: '',
  met: '',
});
rows.push({
  measure: 'ingestion ÷ raw upserts (answers/s ÷ upserts/s)',
  value: `${((answersPerSecond / rawPerSecond) * 100).toFixed(0)}%`,
  target: '≥ 50%',
  met: answersPerSecond / rawPerSecond >= 0.5 ? 'yes' : 'NO',
});
rows.push({
  measure: 'rebuild after the concurrent run: differences',
  value: String(rebuild.differences.length),
  target: '0',
  met: rebuild.differences.length === 0 ? 'yes' : 'NO',
});
rows.push({
  measure: `bot process memory (RSS) at ${(totalAnswers / 1e6).toFixed(2)}M answers`,
  value: `${botRss.toFixed(0)} MiB RSS, ${botHeap.toFixed(0)} MiB heap after GC (Azurite: ${azuriteRss.toFixed(0)} MiB)`,
  target: '',
  met: '',
});
rows.push({
  measure: `built app (node dist/index.js) cold start to /readyz 200 at ${(totalAnswers / 1e6).toFixed(2)}M answers, beside a bare Node server`,
  value: `${(builtApp.readyMs / 1000).toFixed(2)} s (bare Node: ${(builtApp.baselineMs / 1000).toFixed(2)} s; ${(builtApp.readyMs / builtApp.baselineMs).toFixed(1)}×)`,
  target: '≤ 3 s',
  met: builtApp.readyMs <= 3000 ? 'yes' : 'NO',
});
rows.push(await npmStartRow());
rows.push({
  measure: 'built app process memory (RSS) after 100 questions, in its own process',
  value: `${builtApp.rssMiB.toFixed(0)} MiB`,
  target: '≤ 200 MB',
  met: builtApp.rssMiB * 1.048576 <= 200 ? 'yes' : 'NO',
});
rows.push({
  measure: 'seeding 1M answers with transactions',
  value: `${seedSeconds.toFixed(0)} s`,
  target: '',
  met: '',
});

// Reminders to families through the fake GOV.UK Notify, at its rate limit (on the same store, its own services).
rows.push(...(await measureReminderRun(azurite.connectionString, log)).rows);

const table = [
  '| measure | value | target | met |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.target} | ${r.met} |`),
].join('\n');
console.log(table);
const doc = `# Benchmarks

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.version}, ${(await import('node:os')).cpus().length} cores), against one
in-memory Azurite started by the benchmark, with the bot in the same process answering over HTTP
(\`deliveryMode: "expectReplies"\`). Targets are ratios against baselines measured in the same run, so
they hold on a slower or busier machine; absolute times are for orientation only.

${table}

How it is measured:
- **Baseline**: ${SAMPLES} "help" turns (after 20 warm-up turns) through the whole bot: HTTP, botbuilder, routing, card rendering.
- **Score question**: "${scoreQuestion}", the same way, after seeding 10k answers and again after seeding to 1M
  answers; at 1M, after a garbage collection, the question and the baseline are asked turn about. A question is answered from the aggregate counter rows of this term and the
  previous one (~100 rows, one query), which the bot keeps in memory for at most 5 s and drops at once when this instance
  writes; so repeated questions mostly read nothing. The "reading the table every time" row drops that copy before
  every question, to show the cost of the query itself.
- **Durable saves**: 200 "voice" sections saved one after another through the survey service against the same Azurite, alternating
  a store without and with the embedded store's redo log (each write appended and fsynced, group-committed, before the save
  returns), so both see the same machine. With a real Azure Storage account no redo log is used.
- **Mixed load**: 20 practitioners each asking "outcome scores this term" 25 times over HTTP, first alone, then while 20 families
  save whole surveys over HTTP (Web Chat's Action.Submit); the target is on the questions' p95.
- **Ingestion**: ${FAMILIES} families at once, each completing ${SURVEYS_PER_FAMILY} whole surveys (7 sections each; invitations made and codes entered beforehand, not timed) through the same code the bot uses for
  a card submission (validation, invitation and conversation checks, the answers transaction, the aggregate delta),
  counted in answers stored per second, against ${FAMILIES} concurrent writers upserting single entities into the same Azurite
  (6,000 just before the families and 6,000 just after; the mean of the two rates).
- **Wait question**: "${waitQuestion}" after importing ${REFERRALS} synthetic referrals (five services, three years) through
  \`npm run import -- referrals\`'s code. A question reads one stored summary entity per service (built at import, valid for
  any later "today"), kept in memory for at most 5 s (the repositories' one cache policy, \`src/storage/readCache.ts\`); the
  figures are computed from it on every question. The question and the "help" baseline are asked turn about, after a garbage
  collection, so both see the same machine. The "every time" row drops the kept copy before each question.
- **Waiting-list change**: "${changeQuestion}" with thirteen earlier extracts kept per service (every four weeks, as the demo
  keeps them) beside the imported one. A question reads the service's kept extracts (one partition, at most 5 s in memory)
  and its summary, and discloses both extracts as their own cards did; asked turn about with the "help" baseline.
- **Framework measure**: "${measureQuestion}" after storing every period of five academic years for the catalogue's 18
  measures and for 32 more ids (${measureRows.length} figures in all). A question reads one measure's partition (its history),
  kept in memory for at most 5 s; asked turn about with the "help" baseline after a garbage collection.
- **Digest**: built 20 times for this term with the in-memory counters and summaries dropped before each, so every build
  reads the aggregate rows of two terms and one summary per service (never answers or referrals). Then ${SUBSCRIBERS} manager subscriptions
  and "send the digest now": each message goes through botbuilder's proactive path (continueConversationAsync, sendToConversation)
  to a local recording channel that answers 429 with Retry-After when more than ${SEND_RATE} a second arrive; the bot paces itself at
  DIGEST_SENDS_PER_SECOND=${SEND_RATE} with 4 concurrent senders and a shared pause on 429.
${REMINDER_BENCH_NOTE}
- **Rebuild**: \`rebuildAggregates\` recomputes every counter from the answer rows and compares.
- **Seeding** writes answers and state rows with one transaction per respondent (8 at a time) and adds the matching counters.
- **Built app**: \`npm run build\`, then \`node dist/index.js\` spawned as production starts it, against this store with
  every answer seeded: milliseconds from spawn until \`GET /readyz\` answers 200, beside a bare Node HTTP server spawned
  the same way; then 20 rounds of five questions to it over HTTP and its own RSS read from /proc (its own process,
  so the benchmark's heap is not counted).
`;
writeFileSync(fromRoot('BENCHMARKS.md'), doc);
log('wrote BENCHMARKS.md');
server.close();
await azurite.stop();
process.exit(0);
