'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { SelectField } from '@/components/ui/select-field';
import { SkeletonList } from '@/components/ui/skeleton';
import { Textarea } from '@/components/ui/textarea';
import type { WidgetPosition } from '@/lib/constants/widget';
import { useTRPC } from '@/lib/trpc/client';

const FIELDS = ['allowedOrigins', 'position', 'color', 'greeting'] as const;
const POSITIONS = [
  { value: 'bottom-right' as const, label: 'Bottom right' },
  { value: 'bottom-left' as const, label: 'Bottom left' },
];
const PARTS = [
  ['articlesEnabled', 'Articles for the page and search'],
  ['contactFormEnabled', 'Contact form'],
  ['conversationsEnabled', 'My conversations (verified visitors)'],
  ['requireVerifiedIdentity', 'Require a verified identity (ignore unsigned emails and names)'],
] as const;
type Toggle = (typeof PARTS)[number][0];

export function WidgetSettingsForm() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.widgetSettings.get.queryOptions());
  if (settings.isPending) return <SkeletonList rows={4} label="Loading widget settings" />;
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => settings.refetch()} />;
  // The form starts from the saved values once; after a save its own state already equals them.
  return <SettingsForm saved={settings.data} />;
}

type Saved = {
  allowedOrigins: string[];
  position: WidgetPosition;
  color: string;
  greeting: string;
} & Record<Toggle, boolean>;

function SettingsForm({ saved }: { saved: Saved }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [origins, setOrigins] = useState(saved.allowedOrigins.join('\n'));
  const [position, setPosition] = useState<WidgetPosition>(saved.position);
  const [color, setColor] = useState(saved.color);
  const [greeting, setGreeting] = useState(saved.greeting);
  const [toggles, setToggles] = useState<Record<Toggle, boolean>>({
    articlesEnabled: saved.articlesEnabled,
    contactFormEnabled: saved.contactFormEnabled,
    conversationsEnabled: saved.conversationsEnabled,
    requireVerifiedIdentity: saved.requireVerifiedIdentity,
  });
  const update = useMutation(
    trpc.widgetSettings.update.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.widgetSettings.get.queryKey(), data),
    }),
  );
  const errors = formErrors(update.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const allowedOrigins = origins
      .split(/[\s,]+/)
      .map((o) => o.trim())
      .filter(Boolean);
    update.mutate({ allowedOrigins, position, color, greeting, ...toggles });
  }

  return (
    <Card>
      <form onSubmit={onSubmit} className="space-y-4" noValidate aria-labelledby="widget-settings-heading">
        <h2 id="widget-settings-heading" className="text-base font-semibold">
          Settings
        </h2>
        <Field id="allowed-origins" label="Allowed origins (one per line)" error={errors.fields.allowedOrigins}>
          <Textarea
            id="allowed-origins"
            rows={3}
            spellCheck={false}
            placeholder="https://app.example.com"
            value={origins}
            onChange={(e) => setOrigins(e.target.value)}
          />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id="widget-position"
            label="Button position"
            value={position}
            options={POSITIONS}
            onValueChange={setPosition}
          />
          <Field id="widget-color" label="Colour" error={errors.fields.color}>
            <div className="flex items-center gap-2">
              <input
                type="color"
                aria-label="Pick a colour"
                value={/^#[0-9a-f]{6}$/i.test(color) ? color : '#4f46e5'}
                onChange={(e) => setColor(e.target.value)}
                className="h-10 w-12 rounded border border-slate-300"
              />
              <Input id="widget-color" value={color} onChange={(e) => setColor(e.target.value)} />
            </div>
          </Field>
        </div>
        <Field id="widget-greeting" label="Greeting" error={errors.fields.greeting}>
          <Input id="widget-greeting" value={greeting} onChange={(e) => setGreeting(e.target.value)} />
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Parts</legend>
          {PARTS.map(([key, label]) => (
            <label key={key} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={toggles[key]}
                onChange={(e) => setToggles((t) => ({ ...t, [key]: e.target.checked }))}
              />
              {label}
            </label>
          ))}
        </fieldset>
        {errors.message ? <Alert>{errors.message}</Alert> : null}
        {update.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? <Spinner label="Saving" /> : null}
          Save
        </Button>
      </form>
    </Card>
  );
}
