import type { Metadata } from 'next';
import { PageHeader } from '@/components/layout/page-header';
import { Card } from '@/components/ui/card';
import { CreateWorkspaceForm } from '@/components/workspace/create-workspace-form';
import { env } from '@/lib/env';

export const metadata: Metadata = { title: 'Create workspace' };

export default function NewWorkspacePage() {
  return (
    <div className="max-w-lg">
      <PageHeader
        title="Create workspace"
        description="A separate help desk with its own customers, settings and team. You will be its owner."
      />
      <Card>
        <CreateWorkspaceForm host={new URL(env.APP_URL).host} />
      </Card>
    </div>
  );
}
