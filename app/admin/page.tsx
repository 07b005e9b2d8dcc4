import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { RetentionSettingsForm } from './_components/retention-settings-form';
import { WorkspaceSettings } from './_components/workspace-settings';

export const metadata: Metadata = { title: 'Workspace settings' };

export default function WorkspaceSettingsPage() {
  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Workspace settings"
        description="Name, branding, the address customers reply to, and how long attachments are kept."
      />
      <WorkspaceSettings />
      <div className="mt-6">
        <RetentionSettingsForm />
      </div>
    </div>
  );
}
