'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert, EmptyState } from '@/components/ui/card';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { ROLE_LABELS } from './role-labels';

type InvitationStatus = 'pending' | 'accepted' | 'revoked' | 'expired';
const STATUS: Record<InvitationStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'Pending', tone: 'warning' },
  accepted: { label: 'Accepted', tone: 'success' },
  revoked: { label: 'Revoked', tone: 'neutral' },
  expired: { label: 'Expired', tone: 'danger' },
};
const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

function statusOf(
  invitation: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: number,
): InvitationStatus {
  if (invitation.acceptedAt) return 'accepted';
  if (invitation.revokedAt) return 'revoked';
  return invitation.expiresAt.getTime() < now ? 'expired' : 'pending';
}

export function InvitationList() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invitations = useQuery(trpc.invitation.list.queryOptions());
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() }),
    }),
  );

  if (invitations.isPending) return <SkeletonList rows={2} label="Loading invitations" />;
  if (invitations.isError) return <Alert>{describeError(invitations.error).message}</Alert>;
  if (invitations.data.length === 0) {
    return (
      <EmptyState
        title="No invitations yet"
        description="Invitations you send appear here until they are accepted, revoked or expire."
      />
    );
  }

  const now = Date.now();
  return (
    <div className="space-y-3">
      {revoke.error ? <Alert>{describeError(revoke.error).message}</Alert> : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {invitations.data.map((invitation) => {
          const status = statusOf(invitation, now);
          const revoking = revoke.isPending && revoke.variables?.invitationId === invitation.id;
          return (
            <li key={invitation.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium text-slate-900">{invitation.email}</p>
                <p className="text-xs text-slate-500">
                  {ROLE_LABELS[invitation.role]} · sent {dateFormat.format(invitation.createdAt)}
                  {status === 'pending' ? ` · expires ${dateFormat.format(invitation.expiresAt)}` : ''}
                </p>
              </div>
              <div className="flex items-center gap-2">
                <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>
                {status === 'pending' ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    disabled={revoking}
                    aria-label={`Revoke invitation for ${invitation.email}`}
                    onClick={() => revoke.mutate({ invitationId: invitation.id })}
                  >
                    {revoking ? 'Revoking…' : 'Revoke'}
                  </Button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
