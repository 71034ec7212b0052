'use strict';
/**
 * The reporter of one shard of `npm test` (see runAll.ts). While the shard runs it writes one character per
 * test ('.' passed, '!' failed, ',' pending), which runAll interleaves from every shard into one progress
 * line. When the shard ends it writes a marker, then mocha's own failure listing (with its diffs), then one
 * line of JSON: the counts, and how long each test file took, which runAll keeps to balance the next run.
 *
 * CommonJS because mocha `require`s reporters by path.
 */
const Mocha = require('mocha');

const { Base } = Mocha.reporters;
const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_RUN_END } =
  Mocha.Runner.constants;

const MARKER = '\u0000shard-report\u0000';

class ShardReporter extends Base {
  constructor(runner, options) {
    super(runner, options);
    /** @type {Map<string, number>} file -> ms, for the suites mocha makes of whole files. */
    const started = new Map();
    const durations = {};
    runner.on(EVENT_TEST_PASS, () => process.stdout.write('.'));
    runner.on(EVENT_TEST_FAIL, () => process.stdout.write('!'));
    runner.on(EVENT_TEST_PENDING, () => process.stdout.write(','));
    // A file's top-level describe blocks are the root's children that carry its file name; a file's time is
    // from its first block's start to its last block's end.
    runner.on(EVENT_SUITE_BEGIN, (suite) => {
      if (suite.file && suite.parent?.root && !started.has(suite.file)) started.set(suite.file, Date.now());
    });
    runner.on(EVENT_SUITE_END, (suite) => {
      if (suite.file && suite.parent?.root) durations[suite.file] = Date.now() - started.get(suite.file);
    });
    runner.once(EVENT_RUN_END, () => {
      process.stdout.write(`\n${MARKER}\n`);
      Base.list(this.failures);
      const { passes, failures, pending } = this.stats;
      process.stdout.write(`\n${MARKER}${JSON.stringify({ passes, failures, pending, durations })}\n`);
    });
  }
}

module.exports = ShardReporter;
module.exports.MARKER = MARKER;
