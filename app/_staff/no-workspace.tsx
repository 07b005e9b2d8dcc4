import { CairnLogo } from '@/components/layout/cairn-logo';
import { UserPanel, type ShellUser } from '@/components/layout/user-panel';
import { Card } from '@/components/ui/card';
import { CreateWorkspaceForm } from '@/components/workspace/create-workspace-form';

/** A signed-in person without any membership (left or removed everywhere): start a workspace. */
export function NoWorkspace({
  host,
  user,
  signOutAction,
}: {
  host: string;
  user: ShellUser;
  signOutAction: () => Promise<void>;
}) {
  return (
    <div className="flex min-h-screen flex-col items-center px-4 py-10 sm:justify-center">
      <CairnLogo className="mb-8 text-xl" />
      <main className="w-full max-w-md space-y-4">
        <Card className="space-y-6">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Create your workspace</h1>
            <p className="mt-1 text-sm text-slate-600">
              You are not a member of any workspace yet. Start one now, or ask a teammate to send you an invitation.
            </p>
          </div>
          <CreateWorkspaceForm host={host} />
        </Card>
        <Card className="p-4">
          <UserPanel user={user} signOutAction={signOutAction} />
        </Card>
      </main>
    </div>
  );
}
