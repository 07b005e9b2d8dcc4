/** Header names are lower-case; values as received (one string per header occurrence). */
export type MailHeaders = ReadonlyMap<string, readonly string[]>;

const first = (headers: MailHeaders, name: string) => headers.get(name)?.[0]?.trim();

/**
 * Why a message was sent by a machine (RFC 3834 and the headers auto-responders and list servers use in
 * practice), or null for a person's mail. Automatic mail never gets an automatic answer from us, so two
 * desks (or a desk and an out-of-office) cannot ping-pong.
 */
export function automaticMailReason(headers: MailHeaders): string | null {
  const autoSubmitted = first(headers, 'auto-submitted')?.toLowerCase();
  if (autoSubmitted && autoSubmitted.split(';')[0]!.trim() !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = first(headers, 'precedence')?.toLowerCase();
  if (precedence && ['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return `Precedence: ${precedence}`;
  for (const name of ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress', 'list-id', 'list-unsubscribe']) {
    if (headers.has(name)) return `${name} header`;
  }
  return null;
}

/**
 * Only a top-level multipart/report with report-type=delivery-status is a bounce. A bounce forwarded by a
 * person arrives as message/rfc822 inside their mail and is an ordinary request.
 */
export function isDeliveryReport(headers: MailHeaders): boolean {
  const type = first(headers, 'content-type')?.toLowerCase().replace(/\s+/g, '');
  if (!type?.startsWith('multipart/report;') && type !== 'multipart/report') return false;
  return /;report-type="?delivery-status"?(;|$)/.test(type);
}

/**
 * The Message-ID of the mail that bounced: from the returned headers in the report's body (Message-ID or
 * Original-Message-ID), else the report's In-Reply-To / References.
 */
export function bouncedMessageId(reportText: string, headers: MailHeaders): string | null {
  const inBody = reportText.match(/^(?:original-)?message-id:\s*(<[^<>\s]+>)/im);
  if (inBody) return inBody[1]!;
  const threaded = first(headers, 'in-reply-to') ?? first(headers, 'references');
  const id = threaded?.match(/<[^<>\s]+>/);
  return id ? id[0] : null;
}

/** The DSN status code ("5.1.1") and whether it is permanent, when the report says. */
export function deliveryStatusOf(reportText: string): { status: string | null; permanent: boolean } {
  const status = reportText.match(/^status:\s*([245]\.\d{1,3}\.\d{1,3})/im)?.[1] ?? null;
  return { status, permanent: status?.startsWith('5') ?? false };
}
