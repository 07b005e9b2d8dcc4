/** What an admin may ask for on a customer's behalf (GDPR articles 15/20 and 17). */
export const PRIVACY_REQUEST_KINDS = ['export', 'erasure'] as const;
export type PrivacyRequestKind = (typeof PRIVACY_REQUEST_KINDS)[number];

/** `failed`: the worker gave up after its retries; the admin may ask again (both jobs are idempotent). */
export const PRIVACY_REQUEST_STATUSES = ['pending', 'done', 'failed'] as const;
export type PrivacyRequestStatus = (typeof PRIVACY_REQUEST_STATUSES)[number];

/**
 * The workspace's audit trail. Entries name ids and counts, never names, addresses or message text: the
 * trail must survive an erasure without itself becoming personal data.
 */
export const AUDIT_ACTIONS = [
  'customer.export_requested',
  'customer.exported',
  'customer.erasure_requested',
  'customer.erased',
  'workspace.retention_updated',
  'workspace.attachments_purged',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_SUBJECT_TYPES = ['customer', 'workspace'] as const;
export type AuditSubjectType = (typeof AUDIT_SUBJECT_TYPES)[number];

/** What an erased customer becomes. The ticket stays countable; the person is gone. */
export const ERASED_CUSTOMER_NAME = 'Deleted customer';
export const REMOVED_CONTENT = "[removed at the customer's request]";
/** `.invalid` is reserved (RFC 2606): a placeholder address that can never receive mail. */
export const erasedCustomerEmail = (customerId: string) => `deleted-${customerId}@erased.invalid`;

/** Bounds of the retention setting "purge attachments of solved and closed tickets after N days". */
export const RETENTION_DAYS = { min: 1, max: 3650 } as const;
