import { redirect } from 'next/navigation';
import { linksFor, requireWorkspace } from './_lib/workspace';

/** /{slug} on its own has nothing to show: send people to the help center. */
export default async function WorkspaceIndexPage({ params }: { params: Promise<{ workspace: string }> }) {
  const workspace = await requireWorkspace((await params).workspace);
  redirect((await linksFor(workspace.slug)).help);
}
