'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { ConfirmMutationDialog } from '@/components/ui/confirm-dialog';
import { TitledSection } from '@/components/ui/titled-section';
import { useTRPC } from '@/lib/trpc/client';

type Version = {
  version: number;
  title: string;
  note: string;
  createdAt: Date;
  author: { name: string | null; email: string } | null;
};

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** Every saved version, newest first; restoring brings its title and body back as a new version. */
export function VersionHistory({
  articleId,
  versions,
  currentVersion,
}: {
  articleId: string;
  versions: Version[];
  currentVersion: number;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const restore = useMutation(
    trpc.article.restoreVersion.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.article.pathKey() }),
    }),
  );

  return (
    <TitledSection headingId="versions-heading" title="Versions">
      <ol className="space-y-2 text-sm">
        {versions.map((v) => (
          <li
            key={v.version}
            className="flex items-start justify-between gap-2 rounded-md border border-slate-200 bg-white px-3 py-2"
          >
            <div className="min-w-0">
              <p className="font-medium text-slate-900">
                Version {v.version}
                {v.version === currentVersion ? (
                  <span className="ml-1 text-xs font-normal text-slate-500">(current)</span>
                ) : null}
              </p>
              <p className="truncate text-xs text-slate-600">{v.title}</p>
              <p className="text-xs text-slate-500">
                {timeFormat.format(v.createdAt)} · {v.author?.name || v.author?.email || 'Someone'}
                {v.note ? ` · ${v.note}` : ''}
              </p>
            </div>
            {v.version !== currentVersion ? (
              <ConfirmMutationDialog
                mutation={restore}
                variables={{ articleId, version: v.version }}
                trigger={
                  <Button size="sm" variant="secondary">
                    Restore
                  </Button>
                }
                title={`Restore version ${v.version}?`}
                description="Its title, excerpt and body become a new version. Nothing is lost: the current wording stays in the history. Unsaved edits in the editor are discarded."
                confirmLabel="Restore"
              />
            ) : null}
          </li>
        ))}
      </ol>
    </TitledSection>
  );
}
