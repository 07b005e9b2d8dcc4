import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@/server/log';

/** A logger whose lines land in an array instead of stdout. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      raw.push(chunk.toString());
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { log: createLogger(stream), lines, raw: () => raw.join('') };
}

describe('server/log', () => {
  it('writes JSON lines with the child logger’s request and workspace ids', () => {
    const { log, lines } = capture();
    log.child({ requestId: 'req-12345678' }).child({ workspaceId: 'ws-1' }).warn({ ticketId: 't-1' }, 'slow ticket');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        msg: 'slow ticket',
        requestId: 'req-12345678',
        workspaceId: 'ws-1',
        ticketId: 't-1',
      }),
    ]);
  });

  it('redacts personal fields passed by mistake, at the top and one level down', () => {
    const { log, raw } = capture();
    log.warn(
      {
        email: 'casey@example.com',
        customer: { name: 'Casey Customer', email: 'casey@example.com' },
        mail: { subject: 'My invoice', body: 'card 4242' },
        headers: { cookie: 'session=abc' },
      },
      'oops',
    );
    const out = raw();
    for (const secret of ['casey@example.com', 'Casey Customer', 'My invoice', 'card 4242', 'session=abc'])
      expect(out).not.toContain(secret);
    expect(out).toContain('[redacted]');
  });

  it('logs an error’s class, message and stack, without the values a database error carries', () => {
    const { log, lines, raw } = capture();
    // What Drizzle throws: the SQL in the message, then the bound values; pg's detail repeats the row.
    const pgError = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: '23505',
      detail: 'Key (email)=(casey@example.com) already exists.',
    });
    const queryError = new Error(
      'Failed query: insert into "users" ("email", "name") values ($1, $2)\nparams: casey@example.com,Casey Customer',
      { cause: pgError },
    );
    Object.assign(queryError, { params: ['casey@example.com', 'Casey Customer'] });
    log.error({ err: queryError, requestId: 'req-12345678' }, 'unexpected error');
    expect(raw()).not.toContain('casey@example.com');
    expect(raw()).not.toContain('Casey Customer');
    const err = lines[0]!.err as Record<string, unknown>;
    expect(err.message).toBe('Failed query: insert into "users" ("email", "name") values ($1, $2)');
    expect(err.cause).toEqual(
      expect.objectContaining({
        code: '23505',
        message: 'duplicate key value violates unique constraint "users_email_key"',
      }),
    );
  });
});
