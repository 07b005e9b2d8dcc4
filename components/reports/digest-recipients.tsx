'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { useTRPC } from '@/lib/trpc/client';

/** Admins choose who gets the weekly summary mail (last week's figures, every Monday in the workspace's zone). */
export function DigestRecipients() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workspace = useQuery(trpc.workspace.current.queryOptions());
  const isAdmin = workspace.data?.role === 'owner' || workspace.data?.role === 'admin';
  const members = useQuery({ ...trpc.member.list.queryOptions(), enabled: isAdmin });
  const digest = useQuery({ ...trpc.report.digest.queryOptions(), enabled: isAdmin });
  const [chosen, setChosen] = useState<string[] | null>(null);
  const save = useMutation(
    trpc.report.updateDigest.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.report.digest.queryFilter()),
    }),
  );
  if (!isAdmin || !members.data || !digest.data) return null;
  const selected = chosen ?? digest.data.userIds;
  const toggle = (id: string) =>
    setChosen(selected.includes(id) ? selected.filter((x) => x !== id) : [...selected, id]);

  return (
    <Card className="space-y-3 p-4">
      <h2 className="text-lg font-semibold text-slate-900">Weekly summary mail</h2>
      <p className="text-sm text-slate-600">
        Every Monday, last week&apos;s figures beside the week before go to the members chosen here.
      </p>
      <fieldset>
        <legend className="sr-only">Recipients</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {members.data.map((m) => (
            <label key={m.userId} className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={selected.includes(m.userId)} onChange={() => toggle(m.userId)} />
              {m.name} <span className="text-slate-500">{m.email}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {save.error ? <ErrorAlert error={save.error} /> : null}
      {save.isSuccess && chosen === null ? <Alert tone="success">Saved.</Alert> : null}
      <Button
        variant="secondary"
        disabled={save.isPending || chosen === null}
        onClick={() => save.mutate({ userIds: selected }, { onSuccess: () => setChosen(null) })}
      >
        {save.isPending ? 'Saving…' : 'Save recipients'}
      </Button>
    </Card>
  );
}
