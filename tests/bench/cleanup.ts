// The bench starts a web server and maybe an embedded database: whatever happens (an error, Ctrl-C, the
// time limit), they are stopped before the process exits. Handlers run newest first.

type Handler = { name: string; run: () => Promise<unknown> | unknown };

const handlers: Handler[] = [];
let running: Promise<void> | null = null;

export function onCleanup(name: string, run: Handler['run']) {
  handlers.push({ name, run });
  return () => {
    const index = handlers.findIndex((h) => h.run === run);
    if (index >= 0) handlers.splice(index, 1);
  };
}

export function cleanup(): Promise<void> {
  running ??= (async () => {
    while (handlers.length) {
      const handler = handlers.pop()!;
      try {
        await handler.run();
      } catch (error) {
        console.error(`[bench] cleanup "${handler.name}" failed:`, error);
      }
    }
  })();
  return running;
}

/** Exits through cleanup on signals and on the time limit. */
export function installExitGuards(timeLimitMinutes: number) {
  const stop = (reason: string, code: number) => {
    console.error(`\n[bench] ${reason}: stopping what the bench started…`);
    void cleanup().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => stop('interrupted', 130));
  process.once('SIGTERM', () => stop('terminated', 143));
  const timer = setTimeout(
    () => stop(`time limit of ${timeLimitMinutes} minutes reached`, 124),
    timeLimitMinutes * 60_000,
  );
  timer.unref();
}
