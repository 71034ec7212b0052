import type { Config } from '../config/config.js';
import { DirectLineServiceTokens, type DirectLineTokens } from './directLineTokens.js';
import type { LocalDirectLine } from './localDirectLine.js';

export type DirectLineSetup = { tokens: DirectLineTokens; origin: () => string };

/**
 * The family page exchanges a Direct Line secret for a token on the server, the same way in production
 * (Azure's Direct Line) and locally (the embedded one, which makes its own secret). The local one is read
 * when a token is asked for, so it can start after the bot has taken its own port.
 */
export function directLineSetup(
  config: Config,
  local: () => Pick<LocalDirectLine, 'endpoint' | 'secret'> | undefined = () => undefined,
): DirectLineSetup {
  const current = () =>
    config.directLineSecret
      ? { endpoint: config.directLineEndpoint, secret: config.directLineSecret }
      : (local() ?? { endpoint: 'http://localhost:1', secret: '' });
  return {
    tokens: { issue: () => new DirectLineServiceTokens(current().secret, current().endpoint).issue() },
    origin: () => new URL(current().endpoint).origin,
  };
}
