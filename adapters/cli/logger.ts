import { createRequire } from 'node:module';
import type { Logger } from 'pino';

export type { Logger };

/*
 * pino and pino-pretty (both CommonJS) are required when a logger is made, not when this module
 * loads: a command that logs nothing (`members list`) starts without them.
 */
const require = createRequire(import.meta.url);

/**
 * A person at a terminal reads one human line per entry; anything else (a file, journald, a log
 * shipper) gets JSON. Formatting happens as each line is written, so nothing is lost if the
 * process exits right after (a failed start).
 */
function forReaders(destination: NodeJS.WritableStream & { isTTY?: boolean }): NodeJS.WritableStream {
  if (!destination.isTTY) return destination;
  const { prettyFactory } = require('pino-pretty') as typeof import('pino-pretty');
  const pretty = prettyFactory({ colorize: true, ignore: 'pid,hostname,app', translateTime: 'SYS:HH:MM:ss' });
  return { write: (line: string) => destination.write(pretty(line)) } as NodeJS.WritableStream;
}

/**
 * Logs on stderr (stdout belongs to command output such as `digest --preview`): pretty on a
 * terminal, JSON otherwise. Anything that could hold a secret is redacted by key, wherever it sits
 * in a logged object, before either.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr): Logger {
  const { pino } = require('pino') as typeof import('pino');
  return pino(
    {
      level,
      base: { app: 'innspill' },
      redact: {
        paths: [
          'token', '*.token', '*.*.token', 'botToken', '*.botToken', 'userToken', '*.userToken', 'appToken',
          'clientSecret', '*.clientSecret', 'signingSecret', '*.signingSecret', 'password', '*.password',
          'headers.authorization', '*.headers.authorization', 'headers["x-slack-signature"]', 'authorization', '*.authorization',
          'secret', '*.secret', 'stateSecret', '*.stateSecret', 'MicrosoftAppPassword', 'appPassword', '*.appPassword',
        ],
        censor: '[redacted]',
      },
    },
    forReaders(destination) as import('pino').DestinationStream,
  );
}
