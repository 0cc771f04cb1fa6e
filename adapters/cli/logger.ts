import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs on stderr (stdout belongs to command output such as `digest --preview`).
 * Anything that could hold a secret is redacted by key, wherever it sits in a logged object.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): Logger {
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
    destination as pino.DestinationStream,
  );
}
