'use client';

import { ChevronsUpDown } from 'lucide-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { Alert } from '@/components/ui/card';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { useEnterWorkspace } from '@/components/workspace/use-enter-workspace';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

export function WorkspaceSwitcher({ onNavigate }: { onNavigate?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const enterWorkspace = useEnterWorkspace();
  const current = useQuery(trpc.workspace.current.queryOptions());
  const list = useQuery(trpc.workspace.list.queryOptions());
  const switchWorkspace = useMutation(
    trpc.workspace.switch.mutationOptions({
      onSuccess: async () => {
        await enterWorkspace();
        onNavigate?.();
      },
    }),
  );

  const name = current.data?.name ?? 'Workspace';

  return (
    <div className="space-y-2">
      <DropdownMenu>
        <DropdownMenuTrigger
          aria-label={`Workspace: ${name}. Switch workspace`}
          className="flex w-full items-center justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2 text-left text-sm hover:bg-slate-50 disabled:opacity-50"
          disabled={switchWorkspace.isPending}
        >
          <span className="min-w-0">
            <span className="block truncate font-medium text-slate-900">
              {switchWorkspace.isPending ? 'Switching…' : name}
            </span>
            {current.data ? <span className="block text-xs capitalize text-slate-500">{current.data.role}</span> : null}
          </span>
          <ChevronsUpDown aria-hidden="true" className="h-4 w-4 shrink-0 text-slate-400" />
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
          {(list.data ?? []).map((workspace) => {
            const isCurrent = workspace.id === current.data?.id;
            return (
              <DropdownMenuItem
                key={workspace.id}
                disabled={isCurrent}
                onSelect={() => switchWorkspace.mutate({ workspaceId: workspace.id })}
                aria-current={isCurrent ? 'true' : undefined}
              >
                <span className="w-4 text-brand" aria-hidden="true">
                  {isCurrent ? '✓' : ''}
                </span>
                <span className="min-w-0 flex-1 truncate">{workspace.name}</span>
                <span className="text-xs capitalize text-slate-500">{workspace.role}</span>
              </DropdownMenuItem>
            );
          })}
          <DropdownMenuSeparator />
          <DropdownMenuItem
            onSelect={() => {
              onNavigate?.();
              router.push('/agent/workspaces/new');
            }}
          >
            <span className="w-4" aria-hidden="true">
              +
            </span>
            Create workspace
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {switchWorkspace.error ? <Alert>{describeError(switchWorkspace.error).message}</Alert> : null}
    </div>
  );
}
