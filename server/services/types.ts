import type { MemberRole } from '@/lib/constants/workspace';
import type { TenantScope } from '@/server/db/tenant';

/** A staff member acting in a workspace. */
export type Actor = { userId: string; role: MemberRole };
export type StaffScope = TenantScope & { actor: Actor };
