import pino from 'pino';
import { logger } from '@/server/log';
import { sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { runWithoutTenant } from '@/server/db/tenant';
import { logError } from '@/server/errors';
import { callerFor, errorShapeOf } from '../helpers/caller';
import { createWorkspace, uniqueSuffix, type TestWorkspace } from '../helpers/factories';
import { createTestArticle } from '../helpers/help-factories';
import { postMutation } from '../helpers/trpc-request';

// Hole 13: a NUL byte in a text field, or a malformed cursor, reached Postgres, answered HTTP 500 and
// logged the failed SQL with its bound values (personal data). The schema must refuse them with a 400
// that says what to fix, and logs must never carry the values.

let ws: TestWorkspace;
let articleId: string;
let logged: string[];

beforeAll(async () => {
  ws = await createWorkspace();
  articleId = (await createTestArticle(ws.id, { userId: ws.owner.userId, role: 'owner' })).id;
});

/** Every line the process's pino logger (and its children) writes, as written. */
function captureLogs() {
  logged = [];
  const stream = (logger as unknown as Record<symbol, { write: (line: string) => boolean }>)[pino.symbols.streamSym]!;
  return vi.spyOn(stream, 'write').mockImplementation((line: string) => {
    logged.push(line);
    return true;
  });
}

afterEach(() => vi.restoreAllMocks());

describe('NUL bytes in text input', () => {
  it('refuses them with a 400 naming the field, and logs nothing of the value', async () => {
    captureLogs();
    const secret = `private-${uniqueSuffix()}`;
    const res = await postMutation('help.feedback', {
      workspace: ws.slug,
      articleId,
      helpful: true,
      comment: `${secret}\u0000 and more`,
    });
    expect(res.status).toBe(400);
    expect(res.error?.data.code).toBe('BAD_REQUEST');
    expect(res.error?.message).toMatch(/NUL/);
    expect(res.error?.data.fieldErrors?.comment?.[0]).toMatch(/NUL/);
    expect(logged.join('\n')).not.toContain(secret);
  });

  it('refuses a NUL in a nested value or a record key too', async () => {
    const asOwner = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
    const shape = await errorShapeOf(
      asOwner.ticket.create({ subject: 'Printer on fire', body: 'Help', customFields: { 'ke\u0000y': 'x' } } as never),
    );
    expect(shape?.data.code).toBe('BAD_REQUEST');
    expect(shape?.message).toContain('customFields.ke');
  });

  it('accepts the same input without the NUL', async () => {
    const res = await postMutation('help.feedback', {
      workspace: ws.slug,
      articleId,
      helpful: true,
      comment: 'Clear and short.',
    });
    expect(res.status).toBe(200);
  });
});

describe('malformed cursors', () => {
  it('refuses a ticket-list cursor that is not a row id with a 400 saying what to pass', async () => {
    captureLogs();
    const asOwner = callerFor({ userId: ws.owner.userId, workspaceId: ws.id });
    const shape = await errorShapeOf(asOwner.ticket.list({ cursor: "x' or 1=1 --" }));
    expect(shape?.data.code).toBe('BAD_REQUEST');
    expect((shape?.data.fieldErrors as Record<string, string[]> | undefined)?.cursor?.[0]).toMatch(/cursor/i);
    expect(logged).toEqual([]);
  });
});

describe('error logs', () => {
  it('keep the SQL and the error code but never the bound values', async () => {
    const secret = `jane-${uniqueSuffix()}@example.test`;
    const failure = await runWithoutTenant((tx) => tx.execute(sql`select ${secret}::uuid`)).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Error);
    captureLogs();
    logError({ path: 'ticket.list', error: failure });
    const line = logged.join('\n');
    expect(line).toContain('select $1::uuid');
    expect(line).toContain('22P02');
    expect(line).not.toContain(secret);
  });
});
