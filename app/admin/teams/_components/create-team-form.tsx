'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { useTRPC } from '@/lib/trpc/client';

const FIELDS = ['name', 'description'] as const;

export function CreateTeamForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const create = useMutation(
    trpc.team.create.mutationOptions({
      onSuccess: async () => {
        setName('');
        setDescription('');
        await queryClient.invalidateQueries({ queryKey: trpc.team.list.queryKey() });
      },
    }),
  );
  const errors = formErrors(create.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name, description });
  }

  return (
    <Card>
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        {errors.message ? <Alert>{errors.message}</Alert> : null}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="team-name" label="Team name" error={errors.fields.name}>
            <Input
              id="team-name"
              required
              placeholder="Billing"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-invalid={Boolean(errors.fields.name)}
              aria-describedby={errors.fields.name ? 'team-name-error' : undefined}
            />
          </Field>
          <Field id="team-description" label="Description" error={errors.fields.description}>
            <Input
              id="team-description"
              placeholder="Invoices, refunds and plan changes"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              aria-invalid={Boolean(errors.fields.description)}
              aria-describedby={errors.fields.description ? 'team-description-error' : undefined}
            />
          </Field>
        </div>
        <div className="flex justify-end">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? <Spinner label="Creating team" /> : null}
            Create team
          </Button>
        </div>
      </form>
    </Card>
  );
}
