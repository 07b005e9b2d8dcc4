import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AppError } from '@/server/errors';
import { getHelpArticle, listPopularArticles } from '@/server/services/help/public-articles';
import { getHelpCategory, listHelpCategories } from '@/server/services/help/public-categories';
import { withHelpCenter, type HelpScope } from '@/server/services/help/help-center-scope';
import { searchHelpCenter } from '@/server/services/help/search-help-center';
import type { PublicWorkspace } from '@/server/services/workspace/queries';
import { readPortalSession } from '../../_lib/portal-session';

/**
 * Help pages read through the same services as the public procedures, as the visitor: a customer signed
 * in to this workspace's portal (its own cookie) also sees customer-only articles; nobody sees internal
 * ones here. A missing or hidden article or category is a 404.
 */
async function read<T>(workspace: PublicWorkspace, work: (scope: HelpScope) => Promise<T>): Promise<T> {
  try {
    return await withHelpCenter(workspace.slug, await readPortalSession(workspace), work);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

// cache(): generateMetadata and the page share one read per request.
export const readHelpHome = cache((workspace: PublicWorkspace) =>
  read(workspace, async (scope) => ({
    categories: await listHelpCategories(scope),
    popular: await listPopularArticles(scope),
  })),
);
export const readHelpCategory = cache((workspace: PublicWorkspace, slug: string) =>
  read(workspace, (scope) => getHelpCategory(scope, slug)),
);
export const readHelpArticle = cache((workspace: PublicWorkspace, slug: string) =>
  read(workspace, (scope) => getHelpArticle(scope, slug)),
);
export const readHelpSearch = cache((workspace: PublicWorkspace, query: string) =>
  read(workspace, (scope) => searchHelpCenter(scope, { query, limit: 20, track: true })),
);
