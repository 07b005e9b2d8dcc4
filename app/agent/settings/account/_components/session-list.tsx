'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

const when = (date: Date) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);

/** Where the person is signed in; ending a session signs that browser out on its next request. */
export function SessionList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sessions = useQuery(trpc.session.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.session.list.queryKey() });
  const revoke = useMutation(trpc.session.revoke.mutationOptions({ onSuccess: refresh }));
  const revokeOthers = useMutation(trpc.session.revokeOthers.mutationOptions({ onSuccess: refresh }));

  if (sessions.isPending) return <SkeletonList rows={2} label="Loading your sessions" />;
  if (sessions.isError) return <Alert>{describeError(sessions.error).message}</Alert>;
  const error = revoke.error ?? revokeOthers.error;

  return (
    <Card className="space-y-4">
      <ul className="divide-y divide-slate-100">
        {sessions.data.map((session) => (
          <li key={session.id} className="flex items-start justify-between gap-3 py-3">
            <div className="min-w-0 text-sm">
              <p className="truncate font-medium text-slate-900" title={session.userAgent ?? undefined}>
                {session.userAgent ?? 'Unknown browser'}
                {session.current ? (
                  <span className="ml-2 text-xs font-normal text-emerald-700">This browser</span>
                ) : null}
              </p>
              <p className="text-slate-600">
                {session.ip ?? 'Unknown address'} · last seen {when(session.lastSeenAt)} · signed in{' '}
                {when(session.signedInAt)}
              </p>
            </div>
            {session.current ? null : (
              <Button
                variant="secondary"
                size="sm"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ sessionId: session.id })}
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      {sessions.data.length > 1 ? (
        <Button variant="secondary" disabled={revokeOthers.isPending} onClick={() => revokeOthers.mutate()}>
          Sign out everywhere else
        </Button>
      ) : null}
      {error ? <Alert>{describeError(error).message}</Alert> : null}
    </Card>
  );
}
