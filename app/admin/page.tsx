import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { WorkspaceSettings } from './_components/workspace-settings';

export const metadata: Metadata = { title: 'Workspace settings' };

export default function WorkspaceSettingsPage() {
  return (
    <div className="max-w-3xl">
      <PageHeader title="Workspace settings" description="Name, branding and the address customers reply to." />
      <WorkspaceSettings />
    </div>
  );
}
