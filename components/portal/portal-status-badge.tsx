import { Badge, type BadgeTone } from '@/components/ui/badge';
import type { TicketStatus } from '@/lib/constants/ticket';

/**
 * Statuses in the customer's words. Agent-side distinctions (new vs open, on hold) mean nothing to the
 * customer; "pending" is the one that asks something of them.
 */
const CUSTOMER_STATUS: Record<TicketStatus, { label: string; tone: BadgeTone }> = {
  new: { label: 'Open', tone: 'info' },
  open: { label: 'Open', tone: 'info' },
  on_hold: { label: 'Open', tone: 'info' },
  pending: { label: 'Awaiting your reply', tone: 'warning' },
  solved: { label: 'Solved', tone: 'success' },
  closed: { label: 'Closed', tone: 'neutral' },
  merged: { label: 'Merged', tone: 'neutral' },
};

export function PortalStatusBadge({ status, className }: { status: TicketStatus; className?: string }) {
  const { label, tone } = CUSTOMER_STATUS[status];
  return (
    <Badge tone={tone} className={className}>
      {label}
    </Badge>
  );
}
