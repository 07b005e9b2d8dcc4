import { EmptyState } from '@/components/ui/card';

/** Inside a workspace that exists, for pages (articles, tickets) that don't. */
export default function WorkspaceNotFound() {
  return (
    <EmptyState
      title="We couldn't find that page"
      description="It may have moved or been removed. Check the address, or use the links above to find what you need."
    />
  );
}
