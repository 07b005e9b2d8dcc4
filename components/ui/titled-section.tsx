import type { ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';

/**
 * A side-panel section named by its heading: screen readers announce the section with the heading's text,
 * which only holds while the two share one id, so the pairing lives here once. `panel` draws the card.
 */
export function TitledSection({
  headingId,
  title,
  panel = false,
  className,
  children,
}: {
  headingId: string;
  title: ReactNode;
  panel?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      aria-labelledby={headingId}
      className={cn('space-y-3', panel && 'rounded-lg border border-slate-200 bg-white p-4', className)}
    >
      <h2 id={headingId} className="text-sm font-semibold text-slate-900">
        {title}
      </h2>
      {children}
    </section>
  );
}
