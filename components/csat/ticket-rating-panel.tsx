'use client';

import { useQuery } from '@tanstack/react-query';
import { RelativeTime } from '@/components/ticket/relative-time';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorAlert } from '@/components/ui/error-alert';
import { CSAT_QUESTION_TEXT, csatLabel, type CsatChannel } from '@/lib/constants/csat';
import { useTRPC } from '@/lib/trpc/client';
import { RatingBadge } from './rating-badge';

const CHANNEL_TEXT: Record<CsatChannel, string> = {
  mail_link: 'from the email',
  survey_page: 'on the survey page',
  portal: 'in the portal',
  widget: 'in the support widget',
};

/**
 * The customer's satisfaction with this ticket, for the agent: the latest solve round's rating, comment and
 * follow-up answers, its changes, and earlier rounds' ratings when the ticket was reopened.
 */
export function TicketRatingPanel({ ticketId }: { ticketId: string }) {
  const trpc = useTRPC();
  const query = useQuery(trpc.csat.forTicket.queryOptions({ ticketId }));
  const heading = (
    <h2 id="csat-heading" className="text-sm font-semibold text-slate-900">
      Satisfaction
    </h2>
  );
  let body;
  if (query.isPending) body = <Skeleton className="h-12 w-full" />;
  else if (query.isError) body = <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  else if (!query.data.length)
    body = <p className="text-sm text-slate-600">No survey sent yet: one goes out when the ticket is solved.</p>;
  else {
    const [latest, ...earlier] = query.data;
    body = (
      <div className="space-y-3 text-sm">
        {latest!.rating === null ? (
          <p className="text-slate-600">
            Survey sent <RelativeTime date={latest!.solvedAt} />; no rating yet.
          </p>
        ) : (
          <div className="space-y-2">
            <RatingBadge rating={latest!.rating} scale={latest!.scale} />
            {latest!.comment ? (
              <blockquote className="whitespace-pre-wrap border-l-2 border-slate-300 pl-3 text-slate-800">
                {latest!.comment}
              </blockquote>
            ) : (
              <p className="text-slate-500">No comment.</p>
            )}
            {latest!.questions.length ? (
              <dl className="space-y-1">
                {latest!.questions.map((q) => (
                  <div key={q} className="flex justify-between gap-2">
                    <dt className="text-slate-600">{CSAT_QUESTION_TEXT[q]}</dt>
                    <dd className="font-medium text-slate-900">{latest!.answers[q] ?? '–'}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {latest!.history.length > 1 ? (
              <details>
                <summary className="cursor-pointer text-slate-600">Changed {latest!.history.length - 1}×</summary>
                <ol className="mt-1 space-y-1 text-xs text-slate-600">
                  {latest!.history.map((h, i) => (
                    <li key={i}>
                      {csatLabel(latest!.scale, h.rating)} {CHANNEL_TEXT[h.channel]}, <RelativeTime date={h.at} />
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </div>
        )}
        {earlier.length ? (
          <p className="text-xs text-slate-500">
            Before the ticket was reopened:{' '}
            {earlier.map((s) => (s.rating === null ? 'not rated' : csatLabel(s.scale, s.rating))).join(', ')}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <section aria-labelledby="csat-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      {heading}
      {body}
    </section>
  );
}
