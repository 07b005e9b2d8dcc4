import { cn } from '@/lib/utils/cn';

/** The Cairn mark (three stacked stones) and word. Decorative mark; the word carries the name. */
export function CairnLogo({ className, showWord = true }: { className?: string; showWord?: boolean }) {
  return (
    <span className={cn('inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900', className)}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-brand" fill="currentColor">
        <ellipse cx="12" cy="19" rx="9" ry="3.2" />
        <ellipse cx="12" cy="12.5" rx="6.5" ry="2.8" />
        <ellipse cx="12" cy="6.8" rx="4" ry="2.3" />
      </svg>
      {showWord ? <span>Cairn</span> : <span className="sr-only">Cairn</span>}
    </span>
  );
}
