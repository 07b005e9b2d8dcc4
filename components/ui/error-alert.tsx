import { describeError } from '@/lib/trpc/errors';
import { Button } from './button';
import { Alert } from './card';

/**
 * A failed load or action, in the words the server gave. With `onRetry` (a list that failed with
 * nothing on screen) a Try again button sits under it.
 */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => unknown }) {
  const alert = <Alert>{describeError(error).message}</Alert>;
  if (!onRetry) return alert;
  return (
    <div className="space-y-3">
      {alert}
      <Button variant="secondary" onClick={() => onRetry()}>
        Try again
      </Button>
    </div>
  );
}
