import pg from 'pg';

// Records the statements this process sends while a capture is open, so the bench can say how many round
// trips a service call makes and EXPLAIN the exact query a service ran (not a copy that could drift).
// The app's pool builds its clients from pg.Client, so wrapping the prototype sees every statement.

/** `ms`: from sending to the answer, as this process saw it (pool waits excluded, lock waits included). */
export type CapturedStatement = { text: string; values: unknown[]; ms?: number };

let current: CapturedStatement[] | null = null;
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    let statement: CapturedStatement | null = null;
    if (current) {
      const [first, second] = args;
      if (typeof first === 'string') statement = { text: first, values: Array.isArray(second) ? second : [] };
      else if (first && typeof first === 'object' && 'text' in first) {
        const config = first as { text: string; values?: unknown[] };
        statement = { text: config.text, values: config.values ?? (Array.isArray(second) ? second : []) };
      }
      if (statement) current.push(statement);
    }
    const started = performance.now();
    const answer = original.apply(this, args);
    if (statement && answer instanceof Promise)
      answer.then(
        () => (statement.ms = performance.now() - started),
        () => (statement.ms = performance.now() - started),
      );
    return answer;
  };
}

/** Runs `work` and returns its result with the statements it sent (including begin, set_config, commit). */
export async function captureSql<T>(work: () => Promise<T>): Promise<{ result: T; statements: CapturedStatement[] }> {
  install();
  const statements: CapturedStatement[] = [];
  current = statements;
  try {
    return { result: await work(), statements };
  } finally {
    current = null;
  }
}
