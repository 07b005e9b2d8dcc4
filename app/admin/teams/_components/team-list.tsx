'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert, EmptyState } from '@/components/ui/card';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { TeamCard } from './team-card';

export function TeamList() {
  const trpc = useTRPC();
  const teams = useQuery(trpc.team.list.queryOptions());
  // Members feed each team's "add" picker.
  const members = useQuery(trpc.member.list.queryOptions());

  if (teams.isPending) return <SkeletonList rows={2} label="Loading teams" />;
  if (teams.isError) return <Alert>{describeError(teams.error).message}</Alert>;
  if (teams.data.length === 0)
    return (
      <EmptyState title="No teams yet" description="Create a team above, then add the members who belong to it." />
    );

  return (
    <ul className="space-y-4">
      {teams.data.map((team) => (
        <li key={team.id}>
          <TeamCard team={team} workspaceMembers={members.data ?? []} />
        </li>
      ))}
    </ul>
  );
}
