import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { TitledSection } from '@/components/ui/titled-section';
import { StatusBadge } from './ticket-badges';
import { RelativeTime } from './relative-time';
import { ticketPath } from './ticket-search';
import type { MailContacts, RequesterTicket, TicketInfo } from './types';

type Bounce = MailContacts['requesterBounce'];

/** A person on the ticket: the name (or the address when there is none), a mail link and any bounce. */
function Contact({ name, email, bounce }: { name: string | null; email: string; bounce: Bounce }) {
  return (
    <>
      <span className="block font-medium text-slate-900">{name || email}</span>
      <a href={`mailto:${email}`} className="break-all text-slate-600 hover:underline">
        {email}
      </a>
      <BouncingNote bounce={bounce} />
    </>
  );
}

/** A delivery report said mail to this address fails: mail to it is held until they write in again. */
function BouncingNote({ bounce }: { bounce: Bounce }) {
  if (!bounce) return null;
  return (
    <p role="note" className="mt-1 rounded border border-amber-200 bg-amber-50 px-2 py-1 text-xs text-amber-900">
      <Badge tone="warning">Email bouncing</Badge> {bounce.reason || 'Delivery failed permanently.'} Mail to this
      address is held until they write in again.
    </p>
  );
}

/** Who asked, who else is in CC, and what else the requester has asked recently. */
export function RequesterPanel({
  requester,
  otherTickets,
  contacts,
}: {
  requester: TicketInfo['requester'];
  otherTickets: RequesterTicket[];
  contacts: MailContacts;
}) {
  return (
    <TitledSection headingId="requester-heading" title="Requester" panel>
      <div className="text-sm">
        <Contact name={requester.name} email={requester.email} bounce={contacts.requesterBounce} />
      </div>
      {contacts.participants.length ? (
        <div>
          <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">In CC</h3>
          <ul className="mt-2 space-y-2 text-sm">
            {contacts.participants.map((p) => (
              <li key={p.id}>
                <Contact name={p.name} email={p.email} bounce={p.bounce} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Other tickets</h3>
        {otherTickets.length ? (
          <ul className="mt-2 space-y-2">
            {otherTickets.map((t) => (
              <li key={t.id} className="text-sm">
                <Link href={ticketPath(t.id)} className="line-clamp-2 font-medium text-slate-800 hover:underline">
                  {t.subject}
                </Link>
                <span className="mt-0.5 flex items-center gap-2 text-xs text-slate-500">
                  <span className="font-mono">{t.displayNumber}</span>
                  <StatusBadge status={t.status} />
                  <RelativeTime date={t.createdAt} />
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm text-slate-500">This is their only ticket.</p>
        )}
      </div>
    </TitledSection>
  );
}
