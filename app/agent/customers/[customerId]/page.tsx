import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { isUuid } from '@/components/ticket/active-list';
import { ADMIN_ROLES } from '@/lib/constants/workspace';
import { loadStaff } from '../../../_staff/load-staff';
import { CustomerDetail } from './_components/customer-detail';

type Params = { params: Promise<{ customerId: string }> };

export const metadata: Metadata = { title: 'Customer' };

export default async function CustomerPage({ params }: Params) {
  const { customerId } = await params;
  if (!isUuid(customerId)) notFound();
  const role = (await loadStaff())?.current?.role;
  // Only decides whether the privacy actions are shown; the procedures check the role again.
  const isAdmin = !!role && (ADMIN_ROLES as readonly string[]).includes(role);
  return <CustomerDetail customerId={customerId} isAdmin={isAdmin} />;
}
