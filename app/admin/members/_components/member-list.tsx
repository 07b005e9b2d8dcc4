'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert, EmptyState } from '@/components/ui/card';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { Select } from '@/components/ui/select';
import { SkeletonList } from '@/components/ui/skeleton';
import { MEMBER_ROLES, type MemberRole } from '@/lib/constants/workspace';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { ROLE_LABELS } from './role-labels';

type Actor = { userId: string; role: MemberRole };
type Member = { id: string; userId: string; name: string | null; email: string; role: MemberRole };

const displayName = (m: Member) => m.name || m.email;

function RemoveMemberButton({
  member,
  isSelf,
  onRemoved,
}: {
  member: Member;
  isSelf: boolean;
  onRemoved: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const remove = useMutation(trpc.member.remove.mutationOptions({ onSuccess: onRemoved }));
  return (
    <ConfirmMutationDialog
      mutation={remove}
      variables={{ membershipId: member.id }}
      trigger={
        <Button variant="ghost" size="sm" aria-label={`Remove ${displayName(member)}`}>
          Remove
        </Button>
      }
      title={isSelf ? 'Leave this workspace?' : `Remove ${displayName(member)}?`}
      description={
        isSelf
          ? 'You will lose access to this workspace right away. Another admin can invite you again.'
          : `${member.email} loses access right away and is taken off every team. Their past replies stay.`
      }
      confirmLabel={isSelf ? 'Leave workspace' : 'Remove member'}
    />
  );
}

export function MemberList({ actor }: { actor: Actor }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.member.list.queryOptions());
  const updateRole = useMutation(trpc.member.updateRole.mutationOptions());
  const isOwner = actor.role === 'owner';

  async function refreshAfterChange(changedUserId: string) {
    await queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey() });
    // Changing one's own access changes which pages they may see.
    if (changedUserId === actor.userId) {
      await queryClient.invalidateQueries({ queryKey: trpc.workspace.pathKey() });
      router.refresh();
    }
  }

  if (members.isPending) return <SkeletonList rows={3} label="Loading members" />;
  if (members.isError) return <Alert>{describeError(members.error).message}</Alert>;
  if (members.data.length === 0) return <EmptyState title="No members" description="Invite your teammates above." />;

  return (
    <div className="space-y-3">
      {updateRole.error ? <Alert>{describeError(updateRole.error).message}</Alert> : null}
      <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        {members.data.map((member) => {
          const isSelf = member.userId === actor.userId;
          // Only owners touch ownership; the server enforces this too.
          const locked = member.role === 'owner' && !isOwner;
          const roles = isOwner ? MEMBER_ROLES : MEMBER_ROLES.filter((r) => r !== 'owner');
          const saving = updateRole.isPending && updateRole.variables?.membershipId === member.id;
          return (
            <li key={member.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center">
              <div className="min-w-0 flex-1">
                <p className="flex items-center gap-2 truncate text-sm font-medium text-slate-900">
                  {displayName(member)}
                  {isSelf ? <Badge>You</Badge> : null}
                </p>
                {member.name ? <p className="truncate text-xs text-slate-500">{member.email}</p> : null}
              </div>
              <div className="flex items-center gap-2">
                {locked ? (
                  <Badge tone="info">Owner</Badge>
                ) : (
                  <Select
                    aria-label={`Role for ${displayName(member)}`}
                    className="w-36"
                    value={member.role}
                    disabled={saving}
                    onChange={(e) =>
                      updateRole.mutate(
                        { membershipId: member.id, role: e.target.value as MemberRole },
                        { onSuccess: () => refreshAfterChange(member.userId) },
                      )
                    }
                  >
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {ROLE_LABELS[r]}
                      </option>
                    ))}
                  </Select>
                )}
                {locked ? null : (
                  <RemoveMemberButton
                    member={member}
                    isSelf={isSelf}
                    onRemoved={() => refreshAfterChange(member.userId)}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
