// The bot's TypeScript compiled file by file with esbuild, as tsx compiles it (same tool, the project's
// tsconfig), into a folder of plain JavaScript that node runs without tsx's module hooks. Loading the bot's
// modules costs about half the CPU that way (2.2-2.6 against 4.4-5.3 CPU-s, session 12); a whole `npm start` to
// listening about 1.2 CPU-s less (6.4-7.8 against 7.5-9.3, session 13), the compile itself included.
// Used by `npm start` (scripts/start.mjs) and by the tests that start the bot as a process many times.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Compiles every `src/**\/*.ts` (not declarations, not the family page's static files) into `outdir`, keeping
 * src's layout, with source maps beside them so stack traces name the TypeScript lines.
 *
 * Safe beside a running bot that was compiled into the same folder (two `npm start`s on one checkout share
 * the embedded store): an unchanged file is not written again, a changed one is written to a temporary name
 * and renamed over the old (a module loaded later never reads half a file), and only files whose source is
 * gone are removed.
 */
export function compileSource(outdir) {
  const src = path.join(projectRoot, 'src');
  const sources = readdirSync(src, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith(path.join('http', 'public')))
    .map((f) => path.join(src, f));
  const { outputFiles } = buildSync({
    entryPoints: sources,
    outbase: src,
    outdir,
    bundle: false,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node}`,
    keepNames: true,
    sourcemap: 'linked',
    tsconfig: path.join(projectRoot, 'tsconfig.json'),
    logLevel: 'error',
    write: false,
  });
  const wanted = new Set();
  for (const file of outputFiles) {
    wanted.add(file.path);
    if (sameBytes(file.path, file.contents)) continue;
    mkdirSync(path.dirname(file.path), { recursive: true });
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
  mkdirSync(outdir, { recursive: true });
  for (const name of readdirSync(outdir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(outdir, name);
    if ((file.endsWith('.js') || file.endsWith('.js.map')) && !wanted.has(file)) rmSync(file, { force: true });
  }
}

function sameBytes(file, contents) {
  try {
    return Buffer.compare(readFileSync(file), contents) === 0;
  } catch {
    return false;
  }
}
