// `npm run check:code`: the type check (`npm run typecheck`) and the lint (`npm run lint`) in one process, on one
// TypeScript program. The lint's type-aware rules (floating promises, exhaustive switches) need the same program
// the type check builds; run apart, each builds and checks it again (about 45 + 10 to 25 CPU-seconds on the
// 2-core machine, against about 40 together). `npm test` runs this; the two commands stay for use on their own.
// Exit 1 with every type error and lint error listed, in the two tools' usual formats.
import ts from 'typescript';
import { ESLint } from 'eslint';

const started = performance.now();
const configPath = ts.findConfigFile('.', ts.sys.fileExists, 'tsconfig.json');
if (!configPath) {
  console.error('tsconfig.json was not found: run this from the project folder.');
  process.exit(2);
}
const parsed = ts.getParsedCommandLineOfConfigFile(configPath, undefined, {
  ...ts.sys,
  onUnRecoverableConfigFileDiagnostic: (d) => {
    console.error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    process.exit(2);
  },
});
const program = ts.createProgram({
  rootNames: parsed.fileNames,
  options: { ...parsed.options, noEmit: true },
  configFileParsingDiagnostics: parsed.errors,
});
const diagnostics = ts.getPreEmitDiagnostics(program);
const typed = performance.now();

// The project's own ESLint configuration, given this program instead of building its own (projectService).
const eslint = new ESLint({
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, programs: [program] } } },
});
const results = await eslint.lintFiles(['.']);
const lintErrors = results.reduce((n, r) => n + r.errorCount + r.warningCount, 0);

if (diagnostics.length) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => '\n' };
  const format = process.stdout.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  console.log(format(diagnostics, host));
}
if (lintErrors) console.log(await (await eslint.loadFormatter('stylish')).format(results));
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(
  `${diagnostics.length} type errors in ${program.getRootFileNames().length} files (${s(typed - started)}), ` +
    `${lintErrors} lint problems in ${results.length} files (${s(performance.now() - typed)})`,
);
process.exit(diagnostics.length || lintErrors ? 1 : 0);
