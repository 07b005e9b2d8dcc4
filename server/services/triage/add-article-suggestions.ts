import { eq } from 'drizzle-orm';
import { env } from '@/lib/env';
import { tenants } from '@/server/db/schema';
import type { TenantScope } from '@/server/db/tenant';
import { searchArticlesAsStaff } from '@/server/services/help/staff-search';
import { addMessage } from '@/server/services/ticket/add-message';
import { loadTicketForUpdate } from '@/server/services/ticket/load-ticket';
import { readTriageSettings, type TriageSettingsRow } from './triage-settings';
import { stillOpen, ticketText } from './suggest-triage';

/** Articles a note lists; the search's own ranking decides which. */
const ARTICLE_LIMIT = 3;
/** The search reads this much of the ticket: the subject and the start of the message carry the question. */
const QUERY_CHARS = 300;

/**
 * The help-center articles that may answer a new ticket, as one internal note with links, written by the
 * system (the workspace's "knowledge-base note" setting, on by default). Any word may match, ranked by how
 * many do. Nothing found: no note. `settings` when the caller read them already (once for a batch of events).
 */
export async function addArticleSuggestions(
  scope: TenantScope,
  ticketId: string,
  known?: { settings: TriageSettingsRow | null },
) {
  const settings = known ? known.settings : await readTriageSettings(scope);
  if (settings && !settings.kbNoteEnabled) return null;
  const ticket = await ticketText(scope, ticketId);
  if (!ticket || !stillOpen(ticket)) return null;
  const query = ticket.text.replace(/\s+/g, ' ').trim().slice(0, QUERY_CHARS);
  const { items } = await searchArticlesAsStaff(scope, { query, limit: ARTICLE_LIMIT, matchAny: true });
  if (!items.length) return null;
  const [tenant] = await scope.db.select({ slug: tenants.slug }).from(tenants).where(eq(tenants.id, scope.tenantId));
  // Public articles by the address a customer can open too; others by the agents' knowledge page.
  const link = (a: (typeof items)[number]) =>
    a.visibility === 'public'
      ? `${env.APP_URL}/${tenant!.slug}/help/articles/${a.slug}`
      : `${env.APP_URL}/agent/knowledge/${a.id}`;
  const lines = items.map((a) => `- ${a.title}: ${link(a)}`);
  const body = `Help-center articles that may answer this ticket:\n${lines.join('\n')}`;
  const locked = await loadTicketForUpdate(scope, ticketId);
  await addMessage(scope, locked, { type: 'system' }, { kind: 'note', body });
  return { articleIds: items.map((a) => a.id), body };
}
