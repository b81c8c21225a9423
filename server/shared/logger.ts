import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * What never reaches a log line, wherever a serializer or a caller puts it: credentials in
 * headers, passwords and tokens in bodies and objects, provider keys.
 */
export const REDACTED = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'token',
  'apiKey',
  'passwordHash',
  'password_hash',
  '*.password',
  '*.token',
  '*.apiKey',
  '*.passwordHash',
  '*.password_hash',
  'req.body.password',
];

/** A request as logged: its query string left out, since lookups put phone numbers there. */
const request = (req: { method?: string; url?: string; ip?: string; id?: string }) => ({
  method: req.method,
  url: req.url?.split('?')[0],
  remoteAddress: req.ip,
});

/** The process logger: JSON lines on stdout (or `destination`), secrets redacted. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED, censor: '[redacted]' }, serializers: { req: request } },
    destination,
  );
}
