'use client';

import { useQuery } from '@tanstack/react-query';
import { Alert } from '@/components/ui/card';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { WorkspaceSettingsForm } from './workspace-settings-form';

export function WorkspaceSettings() {
  const trpc = useTRPC();
  const current = useQuery(trpc.workspace.current.queryOptions());
  if (current.isPending) return <SkeletonList rows={4} label="Loading settings" />;
  if (current.isError) return <Alert>{describeError(current.error).message}</Alert>;
  const workspace = current.data;
  // Keyed on the workspace, so switching workspaces starts the form over from the other one's values.
  return (
    <WorkspaceSettingsForm
      key={workspace.id}
      initial={{
        name: workspace.name,
        logoUrl: workspace.branding.logoUrl ?? '',
        primaryColor: workspace.branding.primaryColor ?? '',
        supportEmail: workspace.settings.supportEmail ?? '',
      }}
    />
  );
}
