import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { CustomerList } from './_components/customer-list';

export const metadata: Metadata = { title: 'Customers' };

export default function CustomersPage() {
  return (
    <>
      <PageHeader title="Customers" description="Everyone who has contacted this workspace." />
      <CustomerList />
    </>
  );
}
