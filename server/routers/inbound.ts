import {
  listInboundMessagesInput,
  reviewInboundMessageInput,
  saveAuthservIdInput,
  saveImapMailboxInput,
} from '@/lib/validators/inbound';
import { adminProcedure, router } from '@/server/trpc/init';
import { getImapCheck, startImapCheck } from '@/server/services/inbound/imap-check';
import { deleteImapMailbox, getImapMailbox, saveImapMailbox } from '@/server/services/inbound/imap-mailbox';
import { getInboundChannelSettings, saveAuthservId } from '@/server/services/inbound/inbound-channel-settings';
import { getInboundSecretStatus, rotateInboundSecret } from '@/server/services/inbound/inbound-secret';
import { listInboundMessages } from '@/server/services/inbound/list-inbound-messages';
import { reviewInboundMessage } from '@/server/services/inbound/review-inbound-message';

// Inbound mail: the secret a mail gateway sends to POST /api/inbound/{workspace}, and the IMAP mailbox the
// worker reads. Admins only: whoever holds either can put mail into the workspace's queue.
export const inboundChannelRouter = router({
  secretStatus: adminProcedure.query(({ ctx }) => getInboundSecretStatus(ctx.scope)),
  /** The new secret is in this answer only; the old one stops working at once. */
  rotateSecret: adminProcedure.mutation(({ ctx }) => rotateInboundSecret(ctx.scope)),
  /** The saved mailbox without its password, and how the last poll went. */
  mailbox: adminProcedure.query(({ ctx }) => getImapMailbox(ctx.scope)),
  saveMailbox: adminProcedure
    .input(saveImapMailboxInput)
    .mutation(({ ctx, input }) => saveImapMailbox(ctx.scope, input)),
  deleteMailbox: adminProcedure.mutation(({ ctx }) => deleteImapMailbox(ctx.scope)),
  testMailbox: adminProcedure.mutation(({ ctx }) => startImapCheck(ctx.scope)),
  mailboxTestStatus: adminProcedure.query(({ ctx }) => getImapCheck(ctx.scope)),
  /** The addresses customers write to and the trusted authserv-id. */
  settings: adminProcedure.query(({ ctx }) => getInboundChannelSettings(ctx.scope)),
  saveAuthservId: adminProcedure
    .input(saveAuthservIdInput)
    .mutation(({ ctx, input }) => saveAuthservId(ctx.scope, input)),
  /** The last 50 received messages with their outcome, or the unprocessed / quarantined ones to decide on. */
  messages: adminProcedure
    .input(listInboundMessagesInput)
    .query(({ ctx, input }) => listInboundMessages(ctx.scope, input)),
  /** Retry or discard an unprocessed message; release or delete a quarantined one. */
  review: adminProcedure
    .input(reviewInboundMessageInput)
    .mutation(({ ctx, input }) => reviewInboundMessage(ctx.scope, input)),
});
