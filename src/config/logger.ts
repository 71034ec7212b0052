import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs (pino). Secrets and personal data never go in; the redact list is a second line of defence. */
export function createLogger(level: string, name = 'send-outcomes-bot'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: ['*.password', '*.appPassword', '*.secret', '*.connectionString', '*.token', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  });
}
