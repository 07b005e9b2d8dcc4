import Link from 'next/link';
import { StatusBadge } from './ticket-badges';
import { RelativeTime } from './relative-time';
import { ticketPath } from './ticket-search';
import type { RequesterTicket, TicketInfo } from './types';

/** Who asked, and what else they have asked recently. */
export function RequesterPanel({
  requester,
  otherTickets,
}: {
  requester: TicketInfo['requester'];
  otherTickets: RequesterTicket[];
}) {
  return (
    <section aria-labelledby="requester-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="requester-heading" className="text-sm font-semibold text-slate-900">
        Requester
      </h2>
      <div className="text-sm">
        <p className="font-medium text-slate-900">{requester.name || requester.email}</p>
        <a href={`mailto:${requester.email}`} className="break-all text-slate-600 hover:underline">
          {requester.email}
        </a>
      </div>
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
    </section>
  );
}
