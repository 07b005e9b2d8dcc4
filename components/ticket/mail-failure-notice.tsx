import { RetryMailButton } from './retry-mail-button';
import type { TicketDetail } from './types';

type MailFailure = TicketDetail['mailFailures'][number];

/**
 * Mails about this ticket that did not go out (or may not have). Shown to agents only, beside the message
 * they were about, so nobody believes a customer was told something they never received.
 */
export function MailFailureNotice({ failures }: { failures: MailFailure[] }) {
  if (!failures.length) return null;
  return (
    <ul aria-label="Email problems" className="mt-3 space-y-1">
      {failures.map((failure) => (
        <li key={failure.id} className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-xs text-red-800">
          <span className="font-semibold">Email to {failure.recipient} failed:</span> {failure.reason}
          <RetryMailButton mailId={failure.id} recipient={failure.recipient} />
        </li>
      ))}
    </ul>
  );
}
