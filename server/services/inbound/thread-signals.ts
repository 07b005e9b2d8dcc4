import type { TicketStatus } from '@/lib/constants/ticket';
import type { TicketNumberFormat } from '@/lib/utils/ticket-number';

/** Reply tokens are 32 characters of lower-case base32 (reply-token.ts), after the `+` of our Reply-To. */
const REPLY_TOKEN = /\+([a-z2-7]{32})@/i;

/** The reply token in the first recipient address that carries one (To, Cc, Delivered-To…), lower-cased. */
export function replyTokenIn(addresses: readonly string[]): string | null {
  for (const address of addresses) {
    const match = address.match(REPLY_TOKEN);
    if (match) return match[1]!.toLowerCase();
  }
  return null;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ticket number in a subject written in the workspace's format (`SUP-2026-00000042`), or null. */
export function ticketNumberInSubject(subject: string, format: TicketNumberFormat): number | null {
  const parts = [
    format.prefix ? `${escapeRegExp(format.prefix)}-` : '',
    format.includeYear ? '\\d{4}-' : '',
    '(\\d{1,12})',
    format.suffix ? `-${escapeRegExp(format.suffix)}` : '',
  ];
  // Without a prefix a bare number would match any digits in the subject: then only a bracketed one counts.
  const pattern = format.prefix ? `\\b${parts.join('')}\\b` : `\\[#?${parts.join('')}\\]`;
  const match = subject.match(new RegExp(pattern, 'i'));
  if (!match) return null;
  const number = Number(match[1]);
  return Number.isSafeInteger(number) && number > 0 ? number : null;
}

export type ThreadSignal = 'reply_token' | 'references' | 'subject';
export type ThreadCandidate = {
  ticketId: string;
  requesterEmail: string;
  /** CC participants: they take part in the ticket as much as the requester does. */
  participantEmails?: readonly string[];
  status: TicketStatus;
  via: ThreadSignal;
};

/** Tickets that can no longer take a reply; a mail to one starts a new ticket. */
const FINAL_STATUSES: readonly TicketStatus[] = ['closed', 'merged'];

/**
 * The ticket a message continues, strongest signal first (the caller passes reply token, then References,
 * then subject). A match counts only when the sender already takes part (requester or CC participant): a
 * thread match never makes a stranger part of someone else's ticket (a forward is a new conversation), and
 * never reveals its content to them. Null: a new ticket.
 */
export function chooseThread(
  candidates: ReadonlyArray<ThreadCandidate | null>,
  senderEmail: string,
): ThreadCandidate | null {
  const sender = senderEmail.trim().toLowerCase();
  for (const candidate of candidates) {
    if (!candidate) continue;
    const members = [candidate.requesterEmail, ...(candidate.participantEmails ?? [])];
    if (!members.some((email) => email.trim().toLowerCase() === sender)) continue;
    if (FINAL_STATUSES.includes(candidate.status)) continue;
    return candidate;
  }
  return null;
}
