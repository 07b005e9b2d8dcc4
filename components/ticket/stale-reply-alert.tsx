import { Button } from '@/components/ui/button';

type Props = { message: string; onSendAnyway: () => void; onReview: () => void; sending: boolean };

/**
 * The "traffic cop": someone changed the ticket after this agent opened it. The server's message says
 * what changed; the agent either sends as written or goes back to read first (the draft stays).
 */
export function StaleReplyAlert({ message, onSendAnyway, onReview, sending }: Props) {
  return (
    <div
      role="alert"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-3 text-sm text-amber-900"
    >
      <p>{message}</p>
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" onClick={onSendAnyway} disabled={sending}>
          {sending ? 'Sending…' : 'Send anyway'}
        </Button>
        <Button type="button" size="sm" variant="secondary" onClick={onReview} disabled={sending}>
          Review changes
        </Button>
      </div>
    </div>
  );
}
