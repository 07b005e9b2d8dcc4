export const OUTBOX_STATUSES = ['pending', 'done', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
