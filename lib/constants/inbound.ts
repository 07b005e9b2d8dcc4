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

/** The admin's lists on the channel page: every recent message, the ones that failed, the ones held. */
export const INBOUND_REVIEW_VIEWS = ['recent', 'unprocessed', 'quarantined'] as const;
export type InboundReviewView = (typeof INBOUND_REVIEW_VIEWS)[number];

/**
 * What an admin can do with a held message: an unprocessed one is retried or discarded, a quarantined one is
 * released (processed with the sender trusted) or deleted. Discarded and deleted mail stays recorded as ignored.
 */
export const INBOUND_REVIEW_ACTIONS = ['retry', 'discard', 'release', 'delete'] as const;
export type InboundReviewAction = (typeof INBOUND_REVIEW_ACTIONS)[number];

/** How many messages the channel page lists (the "last 50"). */
export const INBOUND_REVIEW_LIMIT = 50;

/**
 * The storm limit: more than this many messages from one sender within the window are recorded as ignored,
 * not turned into tickets or replies, so an auto-reply loop or a flood cannot fill the desk.
 */
export const INBOUND_STORM_LIMIT = { messages: 20, windowMinutes: 10 } as const;
