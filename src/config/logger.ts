import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs (pino). Secrets and personal data never go in; the redact list is a second line of defence. */
export function createLogger(level: string, name = 'send-outcomes-bot'): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        '*.password',
        '*.appPassword',
        '*.secret',
        '*.connectionString',
        '*.token',
        'req.headers.authorization',
        // Families' contacts and the keys that send to and seal them (never logged; this is the second line).
        '*.phone',
        '*.email',
        '*.apiKey',
        '*.contactKey',
        '*.sealed',
        '*.config.headers',
        '*.config.data',
      ],
      censor: '[redacted]',
    },
  });
}
