/**
 * Where a received message ended up. `pending`: stored, not yet processed (the row is written before any
 * parsing, so nothing received is lost). `failed`: could not be parsed or processed; kept with the reason.
 */
export const INBOUND_STATUSES = ['pending', 'processed', 'ignored', 'bounce', 'quarantined', 'failed'] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

/** What a processed message did to the desk; `processed` rows carry one of these. */
export const INBOUND_OUTCOMES = ['new_ticket', 'appended'] as const;
export type InboundOutcome = (typeof INBOUND_OUTCOMES)[number];

/** Largest raw message accepted (bytes): attachments are capped at 10 MB each, base64 adds a third. */
export const INBOUND_MAX_BYTES = 25 * 1024 * 1024;

/**
 * What the mailbox poller does with a message once it is stored: `flag` marks it \\Seen and $CairnImported and
 * leaves it in the folder; `move` moves it to the folder the admin named.
 */
export const IMAP_AFTER_IMPORT = ['flag', 'move'] as const;
export type ImapAfterImport = (typeof IMAP_AFTER_IMPORT)[number];

/** The keyword set on imported mail (a keyword, so the mailbox's own \\Flagged stays the admin's). */
export const IMAP_IMPORTED_FLAG = '$CairnImported';

/** How often the worker looks at each configured mailbox. */
export const IMAP_POLL_EVERY_MS = 30_000;
