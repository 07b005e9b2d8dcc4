import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { AUDIENCE_VISIBILITIES, type HelpAudience } from '@/lib/constants/help';
import { articles } from '@/server/db/schema';

/**
 * The one rule for what a help-center reader may see: published, publish time passed (so a scheduled
 * article appears on time without a job), and a visibility the audience may read. `internal` is in no
 * audience's list, and drafts, reviews and archived articles never pass.
 */
export function readableBy(audience: HelpAudience) {
  return and(
    eq(articles.status, 'published'),
    lte(articles.publishedAt, sql`now()`),
    inArray(articles.visibility, [...AUDIENCE_VISIBILITIES[audience]]),
  );
}
