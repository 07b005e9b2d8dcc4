import { Badge, type BadgeTone } from '@/components/ui/badge';
import { STATUS_LABELS, type TicketPriority, type TicketStatus } from '@/lib/constants/ticket';
import { cn } from '@/lib/utils/cn';
import { PRIORITY_LABELS } from './ticket-labels';

const STATUS_TONES: Record<TicketStatus, BadgeTone> = {
  new: 'info',
  open: 'danger',
  pending: 'warning',
  on_hold: 'neutral',
  solved: 'success',
  closed: 'neutral',
  merged: 'neutral',
};

export function StatusBadge({ status }: { status: string }) {
  const known = status as TicketStatus;
  return <Badge tone={STATUS_TONES[known] ?? 'neutral'}>{STATUS_LABELS[known] ?? status}</Badge>;
}

const PRIORITY_STYLES: Record<TicketPriority, string> = {
  low: 'text-slate-500',
  normal: 'text-slate-700',
  high: 'text-orange-700 font-medium',
  urgent: 'text-red-700 font-semibold',
};

/** Priority as a word with a coloured dot: the dot is decoration, the word carries the meaning. */
export function PriorityLabel({ priority, className }: { priority: TicketPriority; className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-1.5 text-sm', PRIORITY_STYLES[priority], className)}>
      <span
        aria-hidden="true"
        className={cn(
          'h-2 w-2 rounded-full',
          priority === 'urgent'
            ? 'bg-red-600'
            : priority === 'high'
              ? 'bg-orange-500'
              : priority === 'normal'
                ? 'bg-slate-400'
                : 'bg-slate-200',
        )}
      />
      {PRIORITY_LABELS[priority]}
    </span>
  );
}
