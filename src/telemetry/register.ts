import { loadConfig } from '../config/config.js';
import { startTelemetry, stopTelemetry } from './telemetry.js';

/**
 * Imported first by src/index.ts, so telemetry starts before the bot's modules load (OpenTelemetry patches
 * modules as they are required). Without APPLICATIONINSIGHTS_CONNECTION_STRING nothing is loaded or sent.
 * A bad configuration is left for main() to report.
 */
const connectionString = (() => {
  try {
    return loadConfig().applicationInsightsConnectionString;
  } catch {
    return undefined;
  }
})();
if (connectionString) startTelemetry(connectionString);

export { stopTelemetry };
