import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { helpSearches, supportActivity } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { recordSupportActivity } from '@/server/services/support/record-support-activity';
import type { Caller } from './caller';
import { uniqueWord, type TestWorkspace } from './factories';
import { createTestArticle } from './help-factories';

// The support-session (deflection) cases of tests/integration/cross-workspace.test.ts: A's owner reports
// activity against B's articles and reads A's reports; B's rows stay B's, and never show in A's figures.

type Side = { ws: TestWorkspace };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent' | 'portal'; why: string; run: () => Promise<void> };

const rowsOfSession = (workspaceId: string, sessionId: string) =>
  runInTenant(workspaceId, ({ db }) =>
    db.select().from(supportActivity).where(eq(supportActivity.sessionId, sessionId)),
  );

export function supportIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  const range = () => ({ from: new Date(Date.now() - 7 * 86_400_000), to: new Date(Date.now() + 86_400_000) });
  return {
    'support.record': {
      kind: 'tenant-independent',
      why: "B's article id is not found in A's help center; a view in A is stored in A only",
      run: async () => {
        const { A, B, asA } = sides();
        const bArticle = await createTestArticle(B.ws.id, B.ws.owner);
        const aArticle = await createTestArticle(A.ws.id, A.ws.owner);
        const sessionId = randomUUID();
        const view = { sessionId, source: 'help_center' as const, pagePath: '/help', kind: 'article_viewed' as const };
        await expect(
          asA.support.record({ workspace: A.ws.slug, ...view, articleId: bArticle.id }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
        await asA.support.record({ workspace: A.ws.slug, ...view, articleId: aArticle.id });
        expect((await rowsOfSession(A.ws.id, sessionId)).map((r) => r.articleId)).toEqual([aArticle.id]);
        expect(await rowsOfSession(B.ws.id, sessionId)).toEqual([]);
      },
    },
    'support.deflection': {
      kind: 'scoped',
      why: "A's report never counts B's sessions or pages",
      run: async () => {
        const { B, asA } = sides();
        const bArticle = await createTestArticle(B.ws.id, B.ws.owner);
        const page = `/b-only-${uniqueWord('page')}`;
        await runInTenant(B.ws.id, (scope) =>
          recordSupportActivity(scope, {
            sessionId: randomUUID(),
            source: 'help_center',
            pagePath: page,
            kind: 'article_viewed',
            articleId: bArticle.id,
            at: new Date(Date.now() - 3 * 3_600_000),
          }),
        );
        const mine = await asA.support.deflection(range());
        expect(mine.byPage.map((p) => p.pagePath)).not.toContain(page);
        const { deflectionReport } = await import('@/server/services/support/deflection-report');
        const theirs = await runInTenant(B.ws.id, (scope) => deflectionReport(scope, range()));
        expect(theirs.byPage.map((p) => p.pagePath)).toContain(page);
      },
    },
    'support.unansweredSearches': {
      kind: 'scoped',
      why: "A's list of searches without results never shows B's",
      run: async () => {
        const { B, asA } = sides();
        const term = uniqueWord('nothing');
        await runInTenant(B.ws.id, ({ db }) =>
          db.insert(helpSearches).values({ tenantId: B.ws.id, term, resultCount: 0 }),
        );
        expect((await asA.support.unansweredSearches(range())).map((s) => s.term)).not.toContain(term);
        const { unansweredSearches } = await import('@/server/services/support/deflection-report');
        const theirs = await runInTenant(B.ws.id, (scope) => unansweredSearches(scope, range()));
        expect(theirs.map((s) => s.term)).toContain(term);
      },
    },
  };
}
