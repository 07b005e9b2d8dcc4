import { Button, type ButtonProps } from './button';
import { Spinner } from './card';

/**
 * A form's submit button while something is sent: disabled so a second click cannot send twice, with a
 * spinner that tells screen readers it is sending (or, with `pendingLabel`, saving). `disabled` adds the
 * form's own reasons to wait.
 */
export function SendButton({
  pending,
  pendingLabel = 'Sending',
  disabled,
  children,
  ...props
}: Omit<ButtonProps, 'type' | 'asChild'> & { pending: boolean; pendingLabel?: string }) {
  return (
    <Button type="submit" disabled={pending || disabled} {...props}>
      {pending ? <Spinner label={pendingLabel} /> : null}
      {children}
    </Button>
  );
}
