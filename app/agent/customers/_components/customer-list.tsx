'use client';

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { EmptyState, Spinner } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Input, Label } from '@/components/ui/input';
import { SkeletonList } from '@/components/ui/skeleton';
import { useTRPC, useTRPCClient } from '@/lib/trpc/client';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';

const PAGE_SIZE = 25;
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

export function CustomerList() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [search, setSearch] = useState('');
  const term = useDebouncedValue(search.trim());
  const input = { search: term || undefined, limit: PAGE_SIZE };
  // Built by hand rather than with infiniteQueryOptions: that helper adds a `direction` field to the
  // input, which the strict listCustomersInput rejects. The key still sits under customer.list, so
  // invalidating the router path refreshes this list too.
  const customers = useInfiniteQuery({
    queryKey: trpc.customer.list.infiniteQueryKey(input),
    queryFn: ({ pageParam }) => client.customer.list.query({ ...input, cursor: pageParam ?? undefined }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
  });
  const items = customers.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="space-y-4">
      <div className="max-w-sm">
        <Label htmlFor="customer-search">Search customers</Label>
        <Input
          id="customer-search"
          type="search"
          placeholder="Name or email"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>

      {customers.isPending ? (
        <SkeletonList rows={5} label="Loading customers" />
      ) : customers.isError && !customers.data ? (
        <ErrorAlert error={customers.error} onRetry={customers.refetch} />
      ) : items.length === 0 ? (
        term ? (
          <EmptyState
            title="No matching customers"
            description={`Nobody's name or email contains “${term}”. Check the spelling or search for part of the address.`}
          />
        ) : (
          <EmptyState
            title="No customers yet"
            description="Customers appear here the first time they email you or sign in to your help center portal."
          />
        )
      ) : (
        <>
          <div className="overflow-hidden rounded-lg border border-slate-200 bg-white" aria-busy={customers.isFetching}>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Customers</caption>
              <thead className="hidden bg-slate-50 text-xs uppercase tracking-wide text-slate-500 sm:table-header-group">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Name
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Email
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Added
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((customer) => (
                  <tr key={customer.id} className="flex flex-col px-4 py-3 sm:table-row sm:p-0">
                    <td className="font-medium text-slate-900 sm:px-4 sm:py-3">
                      <Link href={`/agent/customers/${customer.id}`} className="hover:underline">
                        {customer.name || '—'}
                      </Link>
                    </td>
                    <td className="break-all text-slate-700 sm:px-4 sm:py-3">{customer.email}</td>
                    <td className="text-xs text-slate-500 sm:px-4 sm:py-3 sm:text-sm">
                      {dateFormat.format(customer.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {customers.isError ? <ErrorAlert error={customers.error} /> : null}
          {customers.hasNextPage ? (
            <div className="flex justify-center">
              <Button
                variant="secondary"
                onClick={() => customers.fetchNextPage()}
                disabled={customers.isFetchingNextPage}
              >
                {customers.isFetchingNextPage ? <Spinner label="Loading more customers" /> : null}
                Load more
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
