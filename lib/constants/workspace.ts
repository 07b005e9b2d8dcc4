export const MEMBER_ROLES = ['owner', 'admin', 'agent', 'viewer'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

/** Roles that may work tickets; viewers only read. */
export const AGENT_ROLES = ['owner', 'admin', 'agent'] as const satisfies readonly MemberRole[];
/** Roles that manage workspace settings and people. */
export const ADMIN_ROLES = ['owner', 'admin'] as const satisfies readonly MemberRole[];

export const WORKSPACE_PLANS = ['free', 'team', 'business'] as const;
export type WorkspacePlan = (typeof WORKSPACE_PLANS)[number];

/** Slugs that would shadow top-level routes. */
export const RESERVED_SLUGS = [
  'agent',
  'admin',
  'api',
  'embed',
  'signin',
  'signup',
  'invite',
  'auth',
  '_next',
  'static',
  'health',
  'www',
] as const;

export const DEFAULT_BRAND_COLOR = '#0f766e';
