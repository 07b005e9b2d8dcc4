import { sql } from 'drizzle-orm';
import { forEachWorkspace } from '@/server/db/for-each-workspace';
import { enqueue } from '@/server/queue/enqueue';

/**
 * Queues one poll per workspace with a mailbox. The job id is the workspace's, so a poll still waiting or
 * running is not added again: one mailbox is never read by two polls at once.
 */
export function sweepImapMailboxes() {
  return forEachWorkspace(sql`cairn_tenants_with_imap_mailbox()`, queueImapPoll);
}

/** One poll of the workspace's mailbox, now: from the sweep, or from an IDLE watcher that heard of new mail. */
export function queueImapPoll(tenantId: string) {
  return enqueue('imap.poll', { tenantId }, { key: tenantId, attempts: 1, removeOnComplete: true, removeOnFail: true });
}
