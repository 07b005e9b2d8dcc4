import { ADMIN_ROLES } from '@/lib/constants/workspace';

/** Admins and owners manage what is shared with the whole desk (team macros, shared views, exports). */
export const isAdminRole = (role: string) => (ADMIN_ROLES as readonly string[]).includes(role);
