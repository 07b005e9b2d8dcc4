'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { SkeletonList } from '@/components/ui/skeleton';
import { useTRPC } from '@/lib/trpc/client';

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);

/** While a "Retrain now" waits for the worker, the page asks again every few seconds. */
const POLL_MS = 3000;

/** The classifier's accuracy, "Retrain now", the threshold and the knowledge-base note setting. */
export function TriageSettings() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery({
    ...trpc.triage.settings.queryOptions(),
    refetchInterval: (q) => (q.state.data?.trainRequestedAt ? POLL_MS : false),
  });
  const retrain = useMutation(
    trpc.triage.retrain.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.triage.settings.queryKey(), data),
    }),
  );
  if (query.isPending) return <SkeletonList rows={2} label="Loading the triage models" />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  const waiting = Boolean(data.trainRequestedAt);
  return (
    <Card className="space-y-4 p-4 sm:p-6">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 className="text-base font-semibold text-slate-900">Classifier</h2>
          <p className="text-sm text-slate-600">
            {data.trainedAt
              ? `Trained ${new Date(data.trainedAt).toLocaleString()} on ${data.trainedOn} solved tickets; accuracy measured on ${data.heldBack} held back. Retrained every night.`
              : 'Not trained yet. It trains every night, or now with the button.'}
          </p>
        </div>
        <Button variant="secondary" size="sm" disabled={waiting || retrain.isPending} onClick={() => retrain.mutate()}>
          {waiting ? 'Training…' : 'Retrain now'}
        </Button>
      </div>
      {retrain.error ? <ErrorAlert error={retrain.error} /> : null}
      <dl className="grid grid-cols-2 gap-4">
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs text-slate-500">Category accuracy</dt>
          <dd className="text-2xl font-semibold text-slate-900">{percent(data.categoryAccuracy)}</dd>
        </div>
        <div className="rounded-md bg-slate-50 p-3">
          <dt className="text-xs text-slate-500">Priority accuracy</dt>
          <dd className="text-2xl font-semibold text-slate-900">{percent(data.priorityAccuracy)}</dd>
        </div>
      </dl>
      <SettingsForm
        key={`${data.threshold}-${data.kbNoteEnabled}`}
        threshold={data.threshold}
        kbNoteEnabled={data.kbNoteEnabled}
      />
    </Card>
  );
}

function SettingsForm(props: { threshold: number; kbNoteEnabled: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [threshold, setThreshold] = useState(String(Math.round(props.threshold * 100)));
  const [kbNoteEnabled, setKbNoteEnabled] = useState(props.kbNoteEnabled);
  const save = useMutation(
    trpc.triage.updateSettings.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.triage.settings.queryKey(), data),
    }),
  );
  const errors = formErrors(save.error, ['threshold', 'kbNoteEnabled'] as const);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({ threshold: Number(threshold) / 100, kbNoteEnabled });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3 border-t border-slate-200 pt-4">
      {errors.message ? <ErrorAlert error={save.error} /> : null}
      <Field
        id="triage-threshold"
        label="Confidence threshold (%)"
        hint="A prediction is shown to agents only when the classifier is at least this sure."
        error={errors.fields.threshold}
      >
        <Input
          id="triage-threshold"
          type="number"
          min={30}
          max={99}
          value={threshold}
          onChange={(e) => setThreshold(e.target.value)}
          aria-invalid={Boolean(errors.fields.threshold)}
          className="w-32"
        />
      </Field>
      <label className="flex items-start gap-2 text-sm text-slate-700">
        <input
          type="checkbox"
          className="mt-1"
          checked={kbNoteEnabled}
          onChange={(e) => setKbNoteEnabled(e.target.checked)}
        />
        <span>Add the help-center articles that may answer a new ticket to it as an internal note.</span>
      </label>
      <div className="flex justify-end">
        <Button type="submit" size="sm" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save triage settings'}
        </Button>
      </div>
    </form>
  );
}
