'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { Field, Input } from '@/components/ui/input';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { updateSlaDefaultsInput } from '@/lib/validators/sla';
import { useTRPC } from '@/lib/trpc/client';
import { issueMap, type IssueMap } from './issue-map';
import { draftToTargets, TargetsTable, targetsToDraft, type TargetDraft } from './targets-table';

function Form({ initial }: { initial: { targets: TargetDraft; warn: string } }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [targets, setTargets] = useState(initial.targets);
  const [warn, setWarn] = useState(initial.warn);
  const [issues, setIssues] = useState<IssueMap>({});
  const update = useMutation(
    trpc.slaSettings.update.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.slaSettings.get.queryKey(), data),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      defaultTargets: draftToTargets(targets),
      warnAtPercent: warn.trim() === '' ? Number.NaN : Number(warn),
    };
    const parsed = updateSlaDefaultsInput.safeParse(input);
    // The form's cells are keyed targets.<priority>.<metric>, the schema's defaultTargets.…
    setIssues(
      parsed.success
        ? {}
        : Object.fromEntries(
            Object.entries(issueMap(parsed.error)).map(([k, v]) => [k.replace(/^defaultTargets/, 'targets'), v]),
          ),
    );
    if (parsed.success) update.mutate(input);
  }

  return (
    <Card className="p-4 sm:p-6">
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Workspace default targets">
        {update.error ? <Alert>{describeError(update.error).message}</Alert> : null}
        {update.isSuccess ? (
          <Alert tone="success">Defaults saved. Open tickets using them are being recomputed.</Alert>
        ) : null}
        <TargetsTable idPrefix="default-target" value={targets} onChange={setTargets} issues={issues} />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
          <div className="sm:w-60">
            <Field id="default-warn" label="Warn at (% of the target)" error={issues.warnAtPercent}>
              <Input
                id="default-warn"
                inputMode="numeric"
                value={warn}
                onChange={(e) => setWarn(e.target.value)}
                aria-invalid={Boolean(issues.warnAtPercent)}
                aria-describedby={issues.warnAtPercent ? 'default-warn-error' : undefined}
              />
            </Field>
          </div>
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? <Spinner label="Saving defaults" /> : null}
            Save defaults
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** The targets every ticket gets when no policy matches, counted around the clock. */
export function DefaultsForm() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.slaSettings.get.queryOptions());
  if (settings.isPending) return <SkeletonList rows={4} label="Loading defaults" />;
  if (settings.isError) return <Alert>{describeError(settings.error).message}</Alert>;
  return (
    <Form
      initial={{ targets: targetsToDraft(settings.data.defaultTargets), warn: String(settings.data.warnAtPercent) }}
    />
  );
}
