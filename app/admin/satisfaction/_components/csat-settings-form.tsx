'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select-field';
import {
  CSAT_LINK_DAYS,
  CSAT_QUESTIONS,
  CSAT_QUESTION_TEXT,
  type CsatQuestion,
  type CsatScale,
} from '@/lib/constants/csat';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { updateCsatSettingsInput, type UpdateCsatSettingsInput } from '@/lib/validators/csat';

const SCALE_OPTIONS = [
  { value: 'five', label: '1 to 5 (Very poor … Excellent)' },
  { value: 'good_bad', label: 'Good or bad' },
] as const;

/** Admin → Satisfaction: whether solved mails ask for a rating, on which scale, with which follow-ups. */
export function CsatSettingsForm() {
  const trpc = useTRPC();
  const current = useQuery(trpc.csatSettings.get.queryOptions());
  if (current.isPending) return <Spinner label="Loading the survey settings" />;
  if (current.isError) return <Alert>{describeError(current.error).message}</Alert>;
  return <SettingsForm initial={current.data} />;
}

function SettingsForm({ initial }: { initial: UpdateCsatSettingsInput }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(initial.enabled);
  const [scale, setScale] = useState<CsatScale>(initial.scale);
  const [questions, setQuestions] = useState<CsatQuestion[]>(initial.questions);
  const [days, setDays] = useState(String(initial.linkDays));
  const [localError, setLocalError] = useState<string | null>(null);
  const update = useMutation(
    trpc.csatSettings.update.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.csatSettings.pathKey() }),
    }),
  );
  const serverErrors = formErrors(update.error, ['linkDays', 'questions', 'scale'] as const);
  const daysError = localError ?? serverErrors.fields.linkDays;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = updateCsatSettingsInput.safeParse({ enabled, scale, questions, linkDays: Number(days) });
    if (!parsed.success) return setLocalError(parsed.error.issues[0]?.message ?? 'Check the settings.');
    setLocalError(null);
    update.mutate(parsed.data);
  }

  const toggle = (question: CsatQuestion, on: boolean) =>
    setQuestions((list) =>
      on ? CSAT_QUESTIONS.filter((q) => q === question || list.includes(q)) : list.filter((q) => q !== question),
    );

  return (
    <form onSubmit={onSubmit} noValidate>
      <Card className="space-y-5">
        {serverErrors.message ? <Alert>{serverErrors.message}</Alert> : null}
        {update.isSuccess ? (
          <Alert tone="success">Survey settings saved. They apply to tickets solved from now on.</Alert>
        ) : null}
        <label className="flex items-start gap-2 text-sm text-slate-700">
          <input type="checkbox" className="mt-1" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} />
          <span>
            Ask for a rating when a ticket is solved: the solved email carries one-click ratings, and the portal shows
            the survey on solved requests.
          </span>
        </label>
        <SelectField
          id="csat-scale"
          label="Rating scale"
          value={scale}
          onValueChange={setScale}
          options={SCALE_OPTIONS}
          disabled={!enabled}
          hint="Good counts as 5 and bad as 1 in reports, so both scales give one score."
          fieldClassName="max-w-sm"
        />
        <fieldset className="space-y-2" disabled={!enabled}>
          <legend className="text-sm font-medium text-slate-900">Follow-up questions (answered 1–5, optional)</legend>
          {CSAT_QUESTIONS.map((question) => (
            <label key={question} className="flex items-start gap-2 text-sm text-slate-700">
              <input
                type="checkbox"
                className="mt-1"
                checked={questions.includes(question)}
                onChange={(e) => toggle(question, e.target.checked)}
              />
              <span>{CSAT_QUESTION_TEXT[question]}</span>
            </label>
          ))}
        </fieldset>
        <Field
          id="csat-link-days"
          label="Rating links work for (days)"
          hint={`From ${CSAT_LINK_DAYS.min} to ${CSAT_LINK_DAYS.max} days after the ticket is solved. Signed-in customers can rate in the portal later.`}
          error={daysError ?? undefined}
        >
          <Input
            id="csat-link-days"
            type="number"
            inputMode="numeric"
            min={CSAT_LINK_DAYS.min}
            max={CSAT_LINK_DAYS.max}
            value={days}
            disabled={!enabled}
            onChange={(e) => setDays(e.target.value)}
            aria-invalid={Boolean(daysError)}
            aria-describedby={daysError ? 'csat-link-days-error' : undefined}
            className="max-w-32"
          />
        </Field>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save survey settings'}
        </Button>
      </Card>
    </form>
  );
}
