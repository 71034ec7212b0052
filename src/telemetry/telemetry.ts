import { createRequire } from 'node:module';
import path from 'node:path';
import type * as AzureMonitor from '@azure/monitor-opentelemetry';
import type { InstrumentationOptions } from '@azure/monitor-opentelemetry';
import { scrubbingSpanProcessor } from './scrubbingSpanProcessor.js';

type Distro = typeof AzureMonitor;
type Route = { path?: unknown } | undefined;
type IncomingRequest = { url?: string; method?: string; getRoute?: () => Route };
type OpenSpan = { setAttribute(key: string, value: string): unknown; updateName(name: string): unknown };

/** Probes from the platform every few seconds: recording them would cost more than it tells. */
const PROBES = /^\/(healthz|readyz)(\?|$)/;
const STOP_WAIT_MS = 5_000;

let distro: Distro | undefined;

/**
 * Sends requests, dependencies (Table Storage calls) and exceptions to Azure Monitor, scrubbed of personal
 * data by `scrubbingSpanProcessor`. Loaded only when configured, and synchronously (CommonJS): OpenTelemetry
 * hooks `require`, so it must be in place before the bot's modules load (see register.ts).
 */
export function startTelemetry(connectionString: string): void {
  const require = createRequire(import.meta.url);
  turnOffSdkReporting();
  distro = require('@azure/monitor-opentelemetry') as Distro;
  const http = {
    enabled: true,
    ignoreIncomingRequestHook: (req: IncomingRequest) => PROBES.test(req.url ?? ''),
    // restify knows which of our routes answered (`/survey/:code`): the request is named by that template.
    applyCustomAttributesOnSpan: (span: OpenSpan, req: IncomingRequest) => {
      const route = typeof req.getRoute === 'function' ? req.getRoute()?.path : undefined;
      if (typeof route !== 'string') return;
      span.setAttribute('http.route', route);
      span.updateName(`${req.method ?? 'GET'} ${route}`);
    },
  };
  const off = { enabled: false };
  const instrumentationOptions: InstrumentationOptions = {
    http,
    azureSdk: { enabled: true },
    // Not used here; logs are pino's on stdout, so no log text is sent either.
    mongoDb: off,
    mySql: off,
    postgreSql: off,
    redis: off,
    redis4: off,
    bunyan: off,
    winston: off,
    console: off,
  };
  distro.useAzureMonitor({
    azureMonitorExporterOptions: { connectionString },
    instrumentationOptions,
    spanProcessors: [scrubbingSpanProcessor],
    // Live metrics stream to a second Microsoft endpoint and would carry unscrubbed request details.
    enableLiveMetrics: false,
    browserSdkLoaderOptions: { enabled: false },
  });
  stopRemoteConfiguration(require);
  // The instrumentation patches a module when it is next required: node's http serves restify and the
  // local Direct Line, and was loaded before telemetry started.
  require('http');
  require('https');
}

/** Sends what is still batched (spans, then metrics), waiting at most a few seconds for the endpoint. */
export async function stopTelemetry(): Promise<void> {
  if (!distro) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)));
  await Promise.race([distro.shutdownAzureMonitor(), timeout]);
  clearTimeout(timer);
}

/**
 * Statsbeat (the SDK's reports about itself, sent to Microsoft's own Application Insights resources, not
 * ours) has no option, only these switches, read when the exporters are built.
 */
function turnOffSdkReporting(): void {
  process.env.APPLICATION_INSIGHTS_NO_STATSBEAT = 'true';
  process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = 'true';
  process.env.APPLICATIONINSIGHTS_SDKSTATS_DISABLED = 'true';
}

/**
 * The exporter polls settings.sdk.monitor.azure.com for remote configuration from 5-15 s after start,
 * with no switch to refuse it. Its singleton's own shutdown() stops the polling; it is not exported, so
 * it is reached by path (the integration test, whose proxy records any such call, notices if this moves).
 */
function stopRemoteConfiguration(require: NodeJS.Require): void {
  const exporter = createRequire(require.resolve('@azure/monitor-opentelemetry')).resolve(
    '@azure/monitor-opentelemetry-exporter',
  );
  const manager = path.join(path.dirname(exporter), '_configuration', 'configurationManager.js');
  const loaded = require(manager) as { ConfigurationManager?: { getInstance(): { shutdown(): void } } };
  loaded.ConfigurationManager?.getInstance().shutdown();
}
