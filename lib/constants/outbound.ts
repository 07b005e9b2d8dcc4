/** What a tenant-configured outbound connection is for; each kind has at most one check running per workspace. */
export const OUTBOUND_CHECK_KINDS = ['smtp', 'imap'] as const;
export type OutboundCheckKind = (typeof OUTBOUND_CHECK_KINDS)[number];

/** `running` from the click until the worker writes its answer; the admin page polls until then. */
export const OUTBOUND_CHECK_STATUSES = ['running', 'ok', 'failed'] as const;
export type OutboundCheckStatus = (typeof OUTBOUND_CHECK_STATUSES)[number];
