import type { ComponentProps, LabelHTMLAttributes, ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';
import { CONTROL_CLASS, LABEL_CLASS } from './field-classes';

// ComponentProps, not InputHTMLAttributes: React 19 passes `ref` as a prop, for callers that focus the input.
export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(CONTROL_CLASS, 'h-10', className)} {...props} />;
}

/** A search box that reports the text itself; the caller debounces and trims as its search needs. */
export function SearchInput({
  onValueChange,
  ...props
}: Omit<ComponentProps<'input'>, 'type' | 'onChange'> & { onValueChange: (value: string) => void }) {
  return <Input type="search" onChange={(e) => onValueChange(e.target.value)} {...props} />;
}

/**
 * An email address field: the email keyboard, and no capitals or spelling marks on what is not a word. The caller
 * sets `autoComplete`: "email" where people type their own address, "off" where they type someone else's.
 */
export function EmailInput(props: Omit<ComponentProps<'input'>, 'type' | 'inputMode'>) {
  return <Input type="email" inputMode="email" autoCapitalize="none" spellCheck={false} {...props} />;
}

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  // A primitive: every caller passes htmlFor (Field does).
  // eslint-disable-next-line jsx-a11y/label-has-associated-control
  return <label className={cn(LABEL_CLASS, 'mb-1', className)} {...props} />;
}

/**
 * What a control inside a Field needs while the Field shows an error: marked invalid and described by the
 * message, whose id Field derives from the control's (`${id}-error`). Nothing at all while there is none.
 */
export function errorProps(id: string, error: string | null | undefined) {
  return error ? ({ 'aria-invalid': true, 'aria-describedby': `${id}-error` } as const) : {};
}

/** A labelled input with its error, wired for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  className,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn('space-y-1', className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && !error ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
