/**
 * The web process's V8 old-generation limit by default, in MiB (WEB_HEAP_MIB; scripts/server-entry.ts).
 * Its live heap under the load test was about 100 MiB compiled (146 under tsx); the rest of the limit is
 * room for a burst of requests in flight.
 */
export const WEB_HEAP_DEFAULT_MIB = 160;
