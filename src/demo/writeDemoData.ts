import { writeFileSync } from 'node:fs';
import { stringify } from 'csv-stringify/sync';
import { fromRoot } from '../config/projectPaths.js';
import { loadQuestionBank } from '../seeds/loadSeeds.js';
import { demoResponseRows } from './demoResponses.js';

/** Regenerates seeds/demo/responses.csv (run: npx tsx src/demo/writeDemoData.ts). Deterministic. */
const bank = loadQuestionBank();
const rows = demoResponseRows(bank, [
  { id: '2024-25-summer', start: '2025-06-02', end: '2025-07-18', respondentsPerRole: 3, trend: -0.2 },
  { id: '2025-26-autumn', start: '2025-09-08', end: '2025-12-12', respondentsPerRole: 34, trend: -0.1 },
  { id: '2025-26-spring', start: '2026-01-07', end: '2026-03-27', respondentsPerRole: 41, trend: 0 },
  { id: '2025-26-summer', start: '2026-04-13', end: '2026-07-17', respondentsPerRole: 38, trend: 0.1 },
  { id: '2026-27-autumn', start: '2026-09-07', end: '2026-11-13', respondentsPerRole: 27, trend: 0.15 },
]);
writeFileSync(fromRoot('seeds', 'demo', 'responses.csv'), stringify(rows));
console.log(`wrote ${rows.length - 1} rows to seeds/demo/responses.csv`);
