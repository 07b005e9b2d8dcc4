import type { SelectHTMLAttributes } from 'react';
import { cn } from '@/lib/utils/cn';
import { CONTROL_CLASS } from './field-classes';

/** A native select: keyboard, screen readers and phones handle it without extra work. */
export function Select({ className, ...props }: SelectHTMLAttributes<HTMLSelectElement>) {
  return <select className={cn(CONTROL_CLASS, 'h-10', className)} {...props} />;
}
