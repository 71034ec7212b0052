import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { fromRoot } from '../../src/config/projectPaths.js';

const run = promisify(execFile);

const SETTING = 'InstrumentationKey=0a1b2c3d-0000-4000-8000-00000000abcd;IngestionEndpoint=https://127.0.0.1:9/';

/**
 * Imports src/telemetry/register.ts in one fresh process once per environment, in order (each import a new
 * instance of the module, its settings read anew), and lists the telemetry modules loaded after each. The cases
 * that must load nothing come first, so nothing an earlier case loaded can be counted against a later one; the one
 * that loads the distro comes last. One process instead of one per case: the distro alone is 2,000 modules.
 */
async function telemetryModulesLoadedAfterEach(envs: Record<string, string>[]): Promise<string[][]> {
  const script = `
    import { createRequire } from 'node:module';
    const loaded = [];
    for (const [i, env] of ${JSON.stringify(envs)}.entries()) {
      Object.assign(process.env, env);
      await import('./src/telemetry/register.ts?case=' + i);
      loaded.push(
        Object.keys(createRequire(import.meta.url).cache).filter((f) =>
          /@azure[\\\\/]monitor-opentelemetry|@opentelemetry[\\\\/]/.test(f),
        ),
      );
    }
    // Written with a callback: process.exit would cut a long write to a pipe short.
    process.stdout.write(JSON.stringify(loaded) + '\\n', () => process.exit(0));
  `;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fromRoot(),
    env: { ...process.env, APPLICATIONINSIGHTS_CONNECTION_STRING: '', PORT: '3978' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as string[][];
}

describe('telemetry start-up', function () {
  this.timeout(60_000);
  let unset: string[];
  let badConfiguration: string[];
  let set: string[];
  before(async () => {
    [unset, badConfiguration, set] = await telemetryModulesLoadedAfterEach([
      { APPLICATIONINSIGHTS_CONNECTION_STRING: '' },
      { APPLICATIONINSIGHTS_CONNECTION_STRING: SETTING, PORT: 'not a port' },
      { APPLICATIONINSIGHTS_CONNECTION_STRING: SETTING, PORT: '3978' },
    ]);
  });

  it('loads nothing of OpenTelemetry or Azure Monitor without APPLICATIONINSIGHTS_CONNECTION_STRING', () => {
    expect(unset).to.deep.equal([]);
  });

  it('loads the distro when the setting is there (so the checks around it can tell)', () => {
    expect(set.some((f) => /@azure[\\/]monitor-opentelemetry[\\/]/.test(f))).to.equal(true);
  });

  it('leaves a bad configuration for the bot to report, starting nothing', () => {
    expect(badConfiguration).to.deep.equal([]);
  });
});
