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

  // pg's overloads (callbacks, streams, array rows) pass through untouched; only promise calls with plain
  // text are looked at.
  override query(...args: unknown[]): never {
    const [first, second] = args as [string | QueryConfigLike, unknown];
    const config = typeof first === 'string' ? undefined : first;
    const text = typeof first === 'string' ? first : first?.text;
    const values = Array.isArray(second) ? (second as unknown[]) : undefined;
    const passThrough = () => (super.query as (...a: unknown[]) => never).apply(this, args);
    if (args.some((a) => typeof a === 'function') || config?.submit || text === undefined) return passThrough();
    const plain = isPlain(config, values);
    if (!this.beginDeferred) {
      if (plain && text.trim().toLowerCase() === 'begin') {
        this.beginDeferred = true;
        return Promise.resolve(empty('BEGIN')) as never;
      }
      return passThrough();
    }
    this.beginDeferred = false;
    const command = text.trim().toLowerCase();
    if (plain && (command === 'commit' || command === 'rollback'))
      return Promise.resolve(empty(command.toUpperCase())) as never;
    if (plain)
      return (super.query as (text: string) => Promise<pg.QueryResult | pg.QueryResult[]>)
        .call(this, `begin;\n${text}`)
        .then((results) => (Array.isArray(results) ? results[results.length - 1] : results)) as never;
    return (super.query as (text: string) => Promise<unknown>).call(this, 'begin').then(passThrough) as never;
  }
}
