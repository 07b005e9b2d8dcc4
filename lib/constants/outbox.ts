/**
 * `sending`: a worker claimed the row (committed) before talking to SMTP. A row still `sending` after its
 * lease means the worker died mid-send; the mail may have gone out, so it is never resent automatically.
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'done', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
