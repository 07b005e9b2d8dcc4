'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';

/**
 * Once the current workspace has changed (switched, created, joined): everything cached belongs to the
 * previous one, so refetch it all and re-render the server parts, after opening `path` when one is given.
 */
export function useEnterWorkspace() {
  const router = useRouter();
  const queryClient = useQueryClient();
  return async (path?: string) => {
    await queryClient.invalidateQueries();
    if (path) router.push(path);
    router.refresh();
  };
}
