import 'server-only';
import { TRPCError } from '@trpc/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { serverCaller } from '@/server/trpc/rsc';
import type { PublicWorkspace } from '../../_lib/workspace';

/**
 * Help pages read through the same public procedures as the help center's client, as the visitor: a
 * customer signed in to this workspace's portal (its own cookie) also sees customer-only articles; nobody
 * sees internal ones here. A missing or hidden article or category is a 404, and so is an address the
 * procedure refuses as malformed (a slug no article could have).
 */
async function read<T>(workspace: PublicWorkspace, work: (help: HelpProcedures) => Promise<T>): Promise<T> {
  try {
    return await work((await serverCaller(workspace.slug)).help);
  } catch (error) {
    if (error instanceof TRPCError && (error.code === 'NOT_FOUND' || error.code === 'BAD_REQUEST')) notFound();
    throw error;
  }
}
type HelpProcedures = Awaited<ReturnType<typeof serverCaller>>['help'];

// cache(): generateMetadata and the page share one read per request.
export const readHelpHome = cache((workspace: PublicWorkspace) =>
  read(workspace, async (help) => {
    const [categories, popular] = await Promise.all([
      help.categories({ workspace: workspace.slug }),
      help.popular({ workspace: workspace.slug }),
    ]);
    return { categories, popular };
  }),
);
export const readHelpCategory = cache((workspace: PublicWorkspace, slug: string) =>
  read(workspace, (help) => help.category({ workspace: workspace.slug, slug })),
);
export const readHelpArticle = cache((workspace: PublicWorkspace, slug: string) =>
  read(workspace, (help) => help.article({ workspace: workspace.slug, slug })),
);
/** A query the search refuses (say, one with a NUL character) finds nothing rather than hiding the home page. */
export const readHelpSearch = cache((workspace: PublicWorkspace, query: string) =>
  read(workspace, (help) =>
    help.search({ workspace: workspace.slug, query, limit: 20, track: true }).catch((error: unknown) => {
      if (error instanceof TRPCError && error.code === 'BAD_REQUEST') return { items: [] };
      throw error;
    }),
  ),
);
