'use client';

import { useQueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * A function that marks the queries under these keys stale (those on screen refetch) and resolves once
 * they have: a mutation's onSuccess returns it so the mutation stays pending until the list is fresh.
 */
export function useInvalidate(...queryKeys: QueryKey[]) {
  const queryClient = useQueryClient();
  return () => Promise.all(queryKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
