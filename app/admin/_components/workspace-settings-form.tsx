'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { EmailInput, Field, Input } from '@/components/ui/input';
import { DEFAULT_BRAND_COLOR } from '@/lib/constants/workspace';
import { useTRPC } from '@/lib/trpc/client';
import { updateWorkspaceInput } from '@/lib/validators/workspace';
import { BrandPreview } from './brand-preview';

type Values = { name: string; logoUrl: string; primaryColor: string; supportEmail: string };
type FieldName = keyof Values;

// Nested schema paths → the input that shows the message.
const PATHS: Record<string, FieldName> = {
  name: 'name',
  'branding.logoUrl': 'logoUrl',
  'branding.primaryColor': 'primaryColor',
  'settings.supportEmail': 'supportEmail',
};
const FIELDS = ['name', 'logoUrl', 'primaryColor', 'supportEmail'] as const;

function toInput(values: Values) {
  return {
    name: values.name,
    branding: { logoUrl: values.logoUrl.trim() || null, primaryColor: values.primaryColor.trim() || null },
    settings: { supportEmail: values.supportEmail.trim() || null },
  };
}

export function WorkspaceSettingsForm({ initial }: { initial: Values }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initial);
  const [localErrors, setLocalErrors] = useState<Partial<Record<FieldName, string>>>({});
  const update = useMutation(
    trpc.workspace.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.workspace.pathKey() });
        // The shell's colour and the server-rendered parts follow the new settings.
        router.refresh();
      },
    }),
  );
  const serverErrors = formErrors(update.error, FIELDS);
  const errors = { ...serverErrors.fields, ...localErrors };

  const set = (name: FieldName) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = toInput(values);
    // The same schema the procedure uses, checked here first so each message lands beside its input.
    const parsed = updateWorkspaceInput.safeParse(input);
    if (!parsed.success) {
      const next: Partial<Record<FieldName, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = PATHS[issue.path.join('.')];
        if (field && !next[field]) next[field] = issue.message;
      }
      setLocalErrors(next);
      return;
    }
    setLocalErrors({});
    update.mutate(input);
  }

  const described = (id: string, error?: string) => (error ? `${id}-error` : undefined);

  return (
    <form onSubmit={onSubmit} className="space-y-6" noValidate>
      {serverErrors.message ? <Alert>{serverErrors.message}</Alert> : null}
      {update.isSuccess ? <Alert tone="success">Settings saved.</Alert> : null}

      <Card className="space-y-4">
        <h2 className="text-base font-semibold">General</h2>
        <Field id="workspace-name" label="Workspace name" error={errors.name}>
          <Input
            id="workspace-name"
            required
            value={values.name}
            onChange={(e) => set('name')(e.target.value)}
            aria-invalid={Boolean(errors.name)}
            aria-describedby={described('workspace-name', errors.name)}
          />
        </Field>
        <Field
          id="support-email"
          label="Support email"
          hint="Where customers write to, and the reply-to address on outgoing mail."
          error={errors.supportEmail}
        >
          <EmailInput
            id="support-email"
            placeholder="support@example.com"
            value={values.supportEmail}
            onChange={(e) => set('supportEmail')(e.target.value)}
            aria-invalid={Boolean(errors.supportEmail)}
            aria-describedby={described('support-email', errors.supportEmail)}
          />
        </Field>
      </Card>

      <Card className="space-y-4">
        <h2 className="text-base font-semibold">Branding</h2>
        <Field id="logo-url" label="Logo URL" hint="An https:// link to a square PNG or SVG." error={errors.logoUrl}>
          <Input
            id="logo-url"
            type="url"
            inputMode="url"
            placeholder="https://example.com/logo.png"
            value={values.logoUrl}
            onChange={(e) => set('logoUrl')(e.target.value)}
            aria-invalid={Boolean(errors.logoUrl)}
            aria-describedby={described('logo-url', errors.logoUrl)}
          />
        </Field>
        <Field
          id="primary-color"
          label="Primary colour"
          hint="A hex colour such as #0f766e. Leave empty for Cairn's default."
          error={errors.primaryColor}
        >
          <div className="flex gap-2">
            <input
              type="color"
              aria-label="Colour picker"
              value={/^#[0-9a-fA-F]{6}$/.test(values.primaryColor) ? values.primaryColor : DEFAULT_BRAND_COLOR}
              onChange={(e) => set('primaryColor')(e.target.value)}
              className="h-10 w-12 shrink-0 cursor-pointer rounded-md border border-slate-300 bg-white p-1"
            />
            <Input
              id="primary-color"
              placeholder={DEFAULT_BRAND_COLOR}
              maxLength={7}
              value={values.primaryColor}
              onChange={(e) => set('primaryColor')(e.target.value.trim())}
              aria-invalid={Boolean(errors.primaryColor)}
              aria-describedby={described('primary-color', errors.primaryColor)}
            />
          </div>
        </Field>
        <div>
          <p className="mb-2 text-sm font-medium text-slate-700">Preview</p>
          <BrandPreview name={values.name} logoUrl={values.logoUrl} primaryColor={values.primaryColor} />
        </div>
      </Card>

      <div className="flex justify-end">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? <Spinner label="Saving" /> : null}
          Save settings
        </Button>
      </div>
    </form>
  );
}
