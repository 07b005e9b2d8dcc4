'use client';

import { ArrowDown, ArrowUp } from 'lucide-react';
import { cn } from '@/lib/utils/cn';
import { Button } from './button';

/** The ids of an ordered list with the one at `from` moved to `to`: what a reorder mutation saves. */
export function movedIds(ids: readonly string[], from: number, to: number) {
  const next = [...ids];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}

type MoveButtonsProps = {
  /** Names the item in the buttons' labels ("Move Billing up"). */
  name: string;
  /** The list's ids in their current order, and where this item stands in it. */
  order: readonly string[];
  index: number;
  /** While a reorder is saving, so two clicks never race. */
  disabled?: boolean;
  /** The ids in their new order, for the list's reorder mutation. */
  onReorder: (ids: string[]) => void;
  className?: string;
};

/** Up and down for one item of an ordered list (rules, SLA policies, ticket types); the ends disable theirs. */
export function MoveButtons({ name, order, index, disabled, onReorder, className }: MoveButtonsProps) {
  const onMove = (to: number) => onReorder(movedIds(order, index, to));
  return (
    <div className={cn('flex gap-0.5', className)}>
      <Button
        variant="ghost"
        size="icon"
        aria-label={`Move ${name} up`}
        disabled={index === 0 || disabled}
        onClick={() => onMove(index - 1)}
      >
        <ArrowUp className="size-4" aria-hidden />
      </Button>
      <Button
        variant="ghost"
        size="icon"
        aria-label={`Move ${name} down`}
        disabled={index === order.length - 1 || disabled}
        onClick={() => onMove(index + 1)}
      >
        <ArrowDown className="size-4" aria-hidden />
      </Button>
    </div>
  );
}
