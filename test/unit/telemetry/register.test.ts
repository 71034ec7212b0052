import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect } from 'chai';
import { fromRoot } from '../../../src/config/projectPaths.js';

const run = promisify(execFile);

/** Imports src/telemetry/register.ts in a fresh process and lists the telemetry modules then loaded. */
async function telemetryModulesLoaded(env: Record<string, string>): Promise<string[]> {
  const script = `
    import { createRequire } from 'node:module';
    await import('./src/telemetry/register.ts');
    const loaded = Object.keys(createRequire(import.meta.url).cache)
      .filter((f) => /@azure[\\\\/]monitor-opentelemetry|@opentelemetry[\\\\/]/.test(f));
    // Written with a callback: process.exit would cut a long write to a pipe short.
    process.stdout.write(JSON.stringify(loaded) + '\\n', () => process.exit(0));
  `;
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: fromRoot(),
    env: { ...process.env, APPLICATIONINSIGHTS_CONNECTION_STRING: '', ...env },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as string[];
}

describe('telemetry start-up', function () {
  this.timeout(60_000);

  it('loads nothing of OpenTelemetry or Azure Monitor without APPLICATIONINSIGHTS_CONNECTION_STRING', async () => {
    expect(await telemetryModulesLoaded({})).to.deep.equal([]);
  });

  it('loads the distro when the setting is there (so the check above can tell)', async () => {
    const loaded = await telemetryModulesLoaded({
      APPLICATIONINSIGHTS_CONNECTION_STRING:
        'InstrumentationKey=0a1b2c3d-0000-4000-8000-00000000abcd;IngestionEndpoint=https://127.0.0.1:9/',
    });
    expect(loaded.some((f) => /@azure[\\/]monitor-opentelemetry[\\/]/.test(f))).to.equal(true);
  });

  it('leaves a bad configuration for the bot to report, starting nothing', async () => {
    expect(
      await telemetryModulesLoaded({
        APPLICATIONINSIGHTS_CONNECTION_STRING:
          'InstrumentationKey=0a1b2c3d-0000-4000-8000-00000000abcd;IngestionEndpoint=https://127.0.0.1:9/',
        PORT: 'not a port',
      }),
    ).to.deep.equal([]);
  });
});
