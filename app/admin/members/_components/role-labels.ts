import type { MemberRole } from '@/lib/constants/workspace';

export const ROLE_LABELS: Record<MemberRole, string> = {
  owner: 'Owner',
  admin: 'Admin',
  agent: 'Agent',
  viewer: 'Viewer',
};

export const ROLE_HINTS: Record<MemberRole, string> = {
  owner: 'Everything, including who owns the workspace',
  admin: 'Settings, members and teams, plus tickets',
  agent: 'Works tickets and customers',
  viewer: 'Reads tickets, changes nothing',
};
