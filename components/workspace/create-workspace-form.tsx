'use client';

import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { errorProps, Field, Input } from '@/components/ui/input';
import { useTRPC } from '@/lib/trpc/client';
import { useEnterWorkspace } from './use-enter-workspace';
import { useWorkspaceAddress } from './use-workspace-address';
import { WorkspaceAddressField } from './workspace-address-field';

const FIELDS = ['name', 'slug'] as const;

/** Creates a workspace owned by the signed-in person; the server makes it the current one. */
export function CreateWorkspaceForm({ host }: { host: string }) {
  const trpc = useTRPC();
  const workspace = useWorkspaceAddress();
  const enterWorkspace = useEnterWorkspace();
  const create = useMutation(trpc.workspace.create.mutationOptions({ onSuccess: () => enterWorkspace('/agent') }));
  const errors = formErrors(create.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name: workspace.name, slug: workspace.slug });
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      <Field id="workspace-name" label="Workspace name" error={errors.fields.name}>
        <Input
          id="workspace-name"
          required
          autoComplete="organization"
          placeholder="Acme Support"
          value={workspace.name}
          onChange={(e) => workspace.setName(e.target.value)}
          {...errorProps('workspace-name', errors.fields.name)}
        />
      </Field>
      <WorkspaceAddressField
        host={host}
        value={workspace.slug}
        onChange={workspace.setSlug}
        error={errors.fields.slug}
      />
      <Button type="submit" className="w-full" disabled={create.isPending || create.isSuccess}>
        {create.isPending ? <Spinner label="Creating workspace" /> : null}
        Create workspace
      </Button>
    </form>
  );
}
