import { callerFor, type Identity } from './caller';

type LiveEvent = { type: string; ticketId: string };

/** live.events for a staff member, read through a plain iterator; `close()` ends it like a closed tab. */
export async function subscribeLive(identity: Identity) {
  const controller = new AbortController();
  const stream = await callerFor(identity, { signal: controller.signal }).live.events();
  const iterator = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const received: LiveEvent[] = [];
  // The generator starts watching only when first read, as a browser's EventSource reads at once.
  let pending: Promise<IteratorResult<unknown>> | null = iterator.next();

  /** Collects events until one matches or the time is up; returns everything received so far. */
  async function readUntil(match: (event: LiveEvent) => boolean, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      pending ??= iterator.next();
      const timer = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now())),
      );
      const next = await Promise.race([pending, timer]);
      if (next === 'timeout') break;
      pending = null;
      if (next.done) break;
      // tracked() events arrive as [id, data, marker] through a server-side caller.
      const event = (Array.isArray(next.value) ? next.value[1] : next.value) as LiveEvent;
      received.push(event);
      if (match(event)) break;
    }
    return received;
  }

  async function close() {
    controller.abort();
    await iterator.return?.();
  }

  return { readUntil, close, received };
}

/** The hub's LISTEN connection (or poll timer) would outlive the file; tests end it explicitly. */
export async function stopLiveHub() {
  const hub = (globalThis as { __cairnLive?: { started?: boolean; stop?: () => Promise<void> } }).__cairnLive;
  if (!hub?.started) return;
  hub.started = false;
  await hub.stop?.();
}
