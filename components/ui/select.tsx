import type { SelectHTMLAttributes } from 'react';
import { cn } from '@/lib/utils/cn';

/** A native select: keyboard, screen readers and phones handle it without extra work. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      className={cn(
        'h-10 w-full rounded-md border border-slate-300 bg-white px-3 text-sm shadow-sm focus:border-brand focus:outline-none disabled:opacity-50 aria-[invalid=true]:border-red-500',
        className,
      )}
      {...props}
    />
  );
}
