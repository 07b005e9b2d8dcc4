import { sql } from 'drizzle-orm';
import { bigint, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { WORKSPACE_PLANS } from '@/lib/constants/workspace';
import { createdAt, id, updatedAt } from './columns';
import type { SlaPolicyTargets } from './sla';

export const workspacePlan = pgEnum('workspace_plan', WORKSPACE_PLANS);

export type WorkspaceBranding = { logoUrl?: string | null; primaryColor?: string | null };
export type TicketSettings = {
  prefix: string;
  includeYear: boolean;
  padding: number;
  suffix: string;
  autoCloseAfterDays: number;
};
/** The targets used when no SLA policy matches a ticket (minutes, around the clock). */
export type WorkspaceSlaSettings = { defaultTargets?: SlaPolicyTargets; warnAtPercent?: number };
/** Retention: attachments of tickets solved or closed longer ago than this are deleted daily. null: kept. */
export type WorkspacePrivacySettings = { purgeAttachmentsAfterDays?: number | null };
/** The weekly summary mail: who gets it, and the last week (its Monday, local) already queued. */
export type WorkspaceReportSettings = { digestUserIds?: string[]; lastDigestWeek?: string };
export type WorkspaceSettings = {
  supportEmail?: string | null;
  timezone?: string;
  tickets?: TicketSettings;
  sla?: WorkspaceSlaSettings;
  privacy?: WorkspacePrivacySettings;
  reports?: WorkspaceReportSettings;
};

/** A workspace. Its own id is the tenant id every tenant table carries. */
export const tenants = pgTable(
  'tenants',
  {
    id: id(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    plan: workspacePlan('plan').notNull().default('free'),
    branding: jsonb('branding').$type<WorkspaceBranding>().notNull().default({}),
    settings: jsonb('settings').$type<WorkspaceSettings>().notNull().default({}),
    // Changes whenever the workspace's SLA setup does (policies, escalations, calendars, settings.sla), by
    // triggers, so no writer can forget it; from a sequence, so a rolled-back change's number is never reused.
    // Processes cache the SLA setup under it (server/services/sla/cached-sla-config.ts).
    slaConfigVersion: bigint('sla_config_version', { mode: 'number' }).notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('tenants_slug_key').on(t.slug)],
);

/**
 * Custom domains and subdomains that reach a workspace's help center and portal. Only a verified domain is
 * served (cairn_workspace_by_domain): the workspace proved it controls the DNS by publishing
 * `_cairn-verify.<domain>` TXT `<verification_token>`. Several workspaces may claim a host name while
 * unverified, so a squatter cannot block its owner; at most one can hold it verified.
 */
export const workspaceDomains = pgTable(
  'workspace_domains',
  {
    id: id(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    domain: text('domain').notNull(),
    // 128 random bits from the database, so rows that existed before verification got one too.
    verificationToken: text('verification_token')
      .notNull()
      .default(sql`replace(gen_random_uuid()::text, '-', '')`),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    /** The worker's last DNS look-up and what it found wrong, shown beside the domain. */
    checkedAt: timestamp('checked_at', { withTimezone: true }),
    checkError: text('check_error'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('workspace_domains_tenant_domain_key').on(t.tenantId, t.domain),
    uniqueIndex('workspace_domains_verified_domain_key')
      .on(t.domain)
      .where(sql`${t.verifiedAt} is not null`),
  ],
);
