import { eq } from 'drizzle-orm';
import { env } from '@/lib/env';
import type { Brand } from '@/emails/layout';
import { singleLine } from '@/emails/layout';
import { mailSettings, tenants } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import type { MailAddress } from '@/server/email/transport';

export type WorkspaceSender = { brand: Brand; slug: string; from: MailAddress; domain: string };

/** The address part of MAIL_FROM ("Cairn <support@cairn.localhost>" or a bare address). */
export function defaultFromAddress() {
  const match = env.MAIL_FROM.match(/<([^>]+)>/);
  return (match ? match[1]! : env.MAIL_FROM).trim();
}

/** The address a workspace's mail comes from (and customers write to): the precedence, in one place. */
export function senderAddress(fromAddress: string | null | undefined, supportEmail: string | null | undefined) {
  return fromAddress || supportEmail || defaultFromAddress();
}

/**
 * Who a workspace's mail comes from: its mail settings, else its support email, else Cairn's MAIL_FROM,
 * under the workspace's name. The domain also names our Message-IDs, so they are unique to the sender.
 */
export async function workspaceSender(scope: TenantScope): Promise<WorkspaceSender> {
  const [tenant] = await scope.db
    .select({ name: tenants.name, slug: tenants.slug, branding: tenants.branding, settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, scope.tenantId));
  const [settings] = await scope.db.select().from(mailSettings).where(eq(mailSettings.tenantId, scope.tenantId));
  const address = senderAddress(settings?.fromAddress, tenant!.settings.supportEmail);
  return {
    brand: { name: tenant!.name, primaryColor: tenant!.branding.primaryColor, logoUrl: tenant!.branding.logoUrl },
    slug: tenant!.slug,
    from: { name: singleLine(settings?.fromName || tenant!.name), address },
    domain: address.slice(address.lastIndexOf('@') + 1) || new URL(env.APP_URL).hostname,
  };
}
