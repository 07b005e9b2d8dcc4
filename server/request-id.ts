import crypto from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * The id that ties a request's log lines together: the proxy's `x-request-id` when it sent a sane one (so
 * its access log and ours match), else a new one. Anything else in the header is ignored, not logged.
 */
export function requestIdOf(headers: Headers): string {
  const given = headers.get(REQUEST_ID_HEADER);
  return given && /^[A-Za-z0-9._:-]{8,128}$/.test(given) ? given : crypto.randomUUID();
}
