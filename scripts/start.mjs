// `npm start`: compile the bot's source (scripts/compileSource.mjs) into .start/ and run it in this process.
// .start/ sits one folder below the project root, as dist/ does, so the bot finds seeds, cards and .data/ from
// it exactly as it does from src/ or dist/. Compiling takes well under a second; each start compiles again, so
// an edit to src/ is always what runs.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import lockfile from 'proper-lockfile';
import { compileSource, projectRoot } from './compileSource.mjs';

const outdir = path.join(projectRoot, '.start');
// One compile at a time on a checkout (two starts share it); a stale lock from a killed start is taken over.
const release = await lockfile.lock(projectRoot, {
  lockfilePath: path.join(projectRoot, '.start.lock'),
  retries: { retries: 50, minTimeout: 100, maxTimeout: 500 },
  stale: 15_000,
});
try {
  compileSource(outdir);
} finally {
  await release();
}
process.setSourceMapsEnabled(true);
await import(pathToFileURL(path.join(outdir, 'index.js')).href);
