import type { ReactNode } from 'react';
import { ADMIN_ROLES } from '@/lib/constants/workspace';
import { loadStaff } from '../_staff/load-staff';
import { StaffFrame } from '../_staff/staff-frame';
import { NoAdminAccess } from './_components/no-admin-access';

/** Settings need an owner or admin; the procedures check again, this only spares others a page of errors. */
async function AdminGate({ children }: { children: ReactNode }) {
  const staff = await loadStaff();
  const role = staff?.current?.role;
  if (!role || !(ADMIN_ROLES as readonly string[]).includes(role)) return <NoAdminAccess />;
  return children;
}

export default function AdminLayout({ children }: { children: ReactNode }) {
  return (
    <StaffFrame callbackUrl="/admin">
      <AdminGate>{children}</AdminGate>
    </StaffFrame>
  );
}
