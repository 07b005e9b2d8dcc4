import { z } from 'zod';
import { WORKSPACE_SLUG_PATTERN } from '@/lib/constants/portal';
import { MEMBER_ROLES, RESERVED_SLUGS } from '@/lib/constants/workspace';

// Trim before checking the format: in zod 4 a check chained after z.email() runs after the format test, so
// a pasted address with a trailing space would be refused instead of trimmed.
export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: 'Enter a valid email address, like name@example.com.' }).max(254));
export const passwordField = z
  .string()
  .min(10, { message: 'Use at least 10 characters for the password.' })
  .max(200, { message: 'Use at most 200 characters for the password.' });
export const personName = z.string().trim().min(1, { message: 'Enter your name.' }).max(120);

export const workspaceSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, { message: 'The workspace address needs at least 3 characters.' })
  .max(40, { message: 'The workspace address can have at most 40 characters.' })
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, {
    message: 'Use lowercase letters, digits and dashes, starting and ending with a letter or digit.',
  })
  .refine((s) => !(RESERVED_SLUGS as readonly string[]).includes(s), {
    message: 'That address is reserved; choose another.',
  });

export const workspaceName = z
  .string()
  .trim()
  .min(2, { message: 'The workspace name needs at least 2 characters.' })
  .max(80);

export const signUpInput = z.strictObject({
  name: personName,
  email: emailField,
  password: passwordField,
  workspaceName,
  workspaceSlug,
});

export const createWorkspaceInput = z.strictObject({ name: workspaceName, slug: workspaceSlug });
export const switchWorkspaceInput = z.strictObject({ workspaceId: z.uuid() });

const hexColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'Use a colour like #0f766e.' });
export const updateWorkspaceInput = z.strictObject({
  name: workspaceName.optional(),
  branding: z
    .strictObject({
      logoUrl: z
        .url({ message: 'The logo must be an absolute https:// URL.' })
        .startsWith('https://', { message: 'The logo must be an https:// URL.' })
        .nullable()
        .optional(),
      primaryColor: hexColor.nullable().optional(),
    })
    .optional(),
  settings: z
    .strictObject({ supportEmail: emailField.nullable().optional(), timezone: z.string().min(1).max(64).optional() })
    .optional(),
});

export const memberRole = z.enum(MEMBER_ROLES);
export const updateMemberRoleInput = z.strictObject({ membershipId: z.uuid(), role: memberRole });
export const removeMemberInput = z.strictObject({ membershipId: z.uuid() });

export const createInvitationInput = z.strictObject({ email: emailField, role: z.enum(['admin', 'agent', 'viewer']) });
export const revokeInvitationInput = z.strictObject({ invitationId: z.uuid() });
export const invitationTokenInput = z.strictObject({ token: z.string().min(20).max(200) });
export const acceptInvitationInput = z.strictObject({
  token: z.string().min(20).max(200),
  name: personName.optional(),
  password: passwordField.optional(),
});

export const createTeamInput = z.strictObject({
  name: z.string().trim().min(2).max(60),
  description: z.string().trim().max(500).default(''),
});
export const updateTeamInput = z.strictObject({
  teamId: z.uuid(),
  name: z.string().trim().min(2).max(60).optional(),
  description: z.string().trim().max(500).optional(),
  /** The member who hears about the team's bad satisfaction ratings; null for none. */
  leadUserId: z.uuid().nullable().optional(),
});
export const teamIdInput = z.strictObject({ teamId: z.uuid() });
export const teamMemberInput = z.strictObject({ teamId: z.uuid(), userId: z.uuid() });

export const domainName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, {
    message: 'Enter a host name like help.example.com (no https://, no path).',
  });
export const addDomainInput = z.strictObject({ domain: domainName });
export const removeDomainInput = z.strictObject({ domainId: z.uuid() });
export const verifyDomainInput = z.strictObject({
  domainId: z.uuid({ message: 'Pick a domain from the list to verify.' }),
});

/** A workspace's public face (help center, portal), named by the slug in the address. */
export const lookupWorkspaceInput = z.strictObject({
  workspace: z.string().trim().toLowerCase().regex(WORKSPACE_SLUG_PATTERN, { message: 'Unknown workspace.' }),
});
