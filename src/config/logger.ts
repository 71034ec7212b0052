import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs (pino). Secrets and personal data never go in; the redact list is a second line of defence.
 *
 * Written synchronously, each line as it is logged: a line logged just before the process exits or crashes is
 * out, and nothing is left to flush at exit. pino's default (asynchronous) writes whatever is still queued when
 * the process exits, retrying every error but EAGAIN, so a bot whose log reader had gone (a closed pipe) logged
 * its last line on stopping and never exited (test/integration/logReaderGone.test.ts). The cost: a reader that
 * stops reading without closing (a full pipe) holds the bot at its next line, as it would hold any program
 * writing to it; a reader that has gone no longer does.
 */
export function createLogger(level: string, name = 'send-outcomes-bot'): Logger {
  return pino(
    {
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
    },
    pino.destination({ dest: 1, sync: true }),
  );
}
