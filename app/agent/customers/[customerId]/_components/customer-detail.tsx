'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { PageHeader } from '@/components/layout/page-header';
import { Badge } from '@/components/ui/badge';
import { Alert, Card } from '@/components/ui/card';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { CustomerPrivacy } from './customer-privacy';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

export function CustomerDetail({ customerId, isAdmin }: { customerId: string; isAdmin: boolean }) {
  const trpc = useTRPC();
  const customer = useQuery(trpc.customer.get.queryOptions({ customerId }));
  if (customer.isPending) return <SkeletonList rows={3} label="Loading the customer" />;
  if (customer.isError) return <Alert>{describeError(customer.error).message}</Alert>;
  const c = customer.data;
  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        title={c.name || c.email}
        description={
          <Link href="/agent/customers" className="text-sm text-slate-600 underline">
            All customers
          </Link>
        }
      />
      <Card className="space-y-2 text-sm">
        {c.erasedAt ? <Badge tone="neutral">Personal data deleted on {dateFormat.format(c.erasedAt)}</Badge> : null}
        <p>
          <span className="text-slate-500">Email: </span>
          <span className="break-all">{c.email}</span>
        </p>
        <p>
          <span className="text-slate-500">Customer since: </span>
          {dateFormat.format(c.createdAt)}
        </p>
      </Card>
      {isAdmin ? <CustomerPrivacy customerId={c.id} email={c.email} erased={!!c.erasedAt} /> : null}
    </div>
  );
}
