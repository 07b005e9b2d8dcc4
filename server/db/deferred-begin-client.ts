import pg from 'pg';

type QueryConfigLike = { text?: string; values?: unknown[]; name?: string; rowMode?: string; submit?: unknown };

const isPlain = (config: QueryConfigLike | undefined, values: unknown[] | undefined) =>
  !values?.length && !config?.values?.length && !config?.name && !config?.rowMode;

const empty = (command: string) => ({ command, rowCount: null, oid: 0, rows: [], fields: [] });

/**
 * The app pool's connection, sending a transaction's `begin` together with its first statement when that
 * statement has no parameters (runInTenant's settings are written so): one round trip where there were
 * two, on every request and job. Each round trip is a write and a wake-up on both sides, and a request here
 * is only three or four of them. A `begin` followed by a statement with parameters is sent alone first, as
 * before; a transaction that ends before any statement sends nothing at all.
 */
export class DeferredBeginClient extends pg.Client {
  private beginDeferred = false;

  // pg's overloads (callbacks, streams) are never combined; they only get a pending `begin` sent first.
  override query(...args: unknown[]): never {
    const [first, second] = args as [string | QueryConfigLike, unknown];
    const config = typeof first === 'string' ? undefined : first;
    const text = typeof first === 'string' ? first : first?.text;
    const values = Array.isArray(second) ? (second as unknown[]) : undefined;
    const passThrough = () => (super.query as (...a: unknown[]) => never).apply(this, args);
    const plain =
      text !== undefined && !config?.submit && !args.some((a) => typeof a === 'function') && isPlain(config, values);
    const command = plain ? text.trim().toLowerCase() : '';
    if (!this.beginDeferred) {
      if (command !== 'begin') return passThrough();
      this.beginDeferred = true;
      return Promise.resolve(empty('BEGIN')) as never;
    }
    this.beginDeferred = false;
    if (command === 'commit' || command === 'rollback') return Promise.resolve(empty(command.toUpperCase())) as never;
    if (plain) {
      // The caller's own options (drizzle's type parsers) stay with the statement.
      const combined = { ...config, text: `begin;\n${text}` };
      return (super.query as (config: QueryConfigLike) => Promise<pg.QueryResult | pg.QueryResult[]>)
        .call(this, combined)
        .then((results) => (Array.isArray(results) ? results[results.length - 1] : results)) as never;
    }
    // Queued ahead of the statement: pg sends a connection's queries one by one, in the order given. A
    // failed `begin` (a broken connection) fails the statement too, which is where the caller hears of it.
    (super.query as (text: string) => Promise<unknown>).call(this, 'begin').catch(() => undefined);
    return passThrough();
  }
}
