import { and, eq, sql } from 'drizzle-orm';
import type { InboundReviewAction, InboundStatus } from '@/lib/constants/inbound';
import { inboundMessages } from '@/server/db/schema';
import { AppError } from '@/server/errors';
import type { StaffScope } from '@/server/services/types';
import { queueInboundProcessing } from './store-inbound-message';

/** Which held state each action applies to, and what it makes of the message. */
const ACTIONS: Record<
  InboundReviewAction,
  { from: InboundStatus; list: string; to: { status: InboundStatus; outcome: string | null; release?: boolean } }
> = {
  retry: { from: 'failed', list: 'Unprocessed mail', to: { status: 'pending', outcome: null } },
  discard: { from: 'failed', list: 'Unprocessed mail', to: { status: 'ignored', outcome: 'Discarded by an admin.' } },
  release: { from: 'quarantined', list: 'Quarantine', to: { status: 'pending', outcome: null, release: true } },
  delete: {
    from: 'quarantined',
    list: 'Quarantine',
    to: { status: 'ignored', outcome: 'Deleted from quarantine by an admin.' },
  },
};

/**
 * An admin's decision on a held message. Retry and release put it back in the pipeline (release with the
 * sender trusted, so it is not quarantined again); discard and delete keep it recorded as ignored. Only a
 * message still in the list it was shown in changes, so two admins deciding at once cannot both act.
 */
export async function reviewInboundMessage(scope: StaffScope, input: { id: string; action: InboundReviewAction }) {
  const action = ACTIONS[input.action];
  const [row] = await scope.db
    .update(inboundMessages)
    .set({
      status: action.to.status,
      outcome: action.to.outcome,
      processedAt: action.to.status === 'pending' ? null : sql`now()`,
      ...(action.to.release ? { releasedAt: sql`now()` } : {}),
    })
    .where(
      and(
        eq(inboundMessages.tenantId, scope.tenantId),
        eq(inboundMessages.id, input.id),
        eq(inboundMessages.status, action.from),
      ),
    )
    .returning({ id: inboundMessages.id });
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      `This message is no longer in the ${action.list} list (someone may have decided already). Reload the list.`,
    );
  }
  // A job of its own: the message's first job is kept as completed, and an add under its id would be ignored.
  if (action.to.status === 'pending')
    scope.afterCommit(() => queueInboundProcessing(scope.tenantId, row.id, `${row.id}-review-${Date.now()}`));
  return { id: row.id, status: action.to.status };
}
