import { Alert } from '@/components/ui/card';
import { describeError } from '@/lib/trpc/errors';

type CheckState = { status: string; alreadyRunning?: boolean; host?: string | null; message?: string | null };

/**
 * What a "Test connection" (SMTP or IMAP, run by the worker) says while it runs and once it is done, and why
 * starting it failed. `target` names what is tested when the check has no host yet.
 */
export function OutboundCheckResult({
  check,
  target,
  startError,
}: {
  check: CheckState | null | undefined;
  target: string;
  startError: unknown;
}) {
  return (
    <>
      {check?.status === 'running' ? (
        <p className="text-sm text-slate-600" role="status">
          {check.alreadyRunning
            ? 'A test is already running; its result will show here.'
            : `Testing ${check.host ?? target}…`}
        </p>
      ) : null}
      {check?.status === 'ok' || check?.status === 'failed' ? (
        <Alert tone={check.status === 'ok' ? 'success' : 'error'}>{check.message}</Alert>
      ) : null}
      {startError ? <Alert>{describeError(startError).message}</Alert> : null}
    </>
  );
}
