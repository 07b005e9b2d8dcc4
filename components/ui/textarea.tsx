import type { ComponentProps } from 'react';
import { cn } from '@/lib/utils/cn';
import { CONTROL_CLASS } from './field-classes';

export function Textarea({ className, ...props }: ComponentProps<'textarea'>) {
  return <textarea className={cn(CONTROL_CLASS, 'block min-h-24 py-2', className)} {...props} />;
}
