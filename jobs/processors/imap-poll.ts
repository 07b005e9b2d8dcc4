import type { JobPayload } from '@/server/queue/jobs';
import { pollImapMailbox } from '@/server/services/inbound/poll-imap-mailbox';
import { sweepImapMailboxes } from '@/server/services/inbound/sweep-imap-mailboxes';

export const processImapPoll = ({ tenantId }: JobPayload<'imap.poll'>) => pollImapMailbox(tenantId);

export const processImapSweep = async () => ({ queued: await sweepImapMailboxes() });
