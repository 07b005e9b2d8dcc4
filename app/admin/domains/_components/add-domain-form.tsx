'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { useTRPC } from '@/lib/trpc/client';

const FIELDS = ['domain'] as const;

export function AddDomainForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [domain, setDomain] = useState('');
  const add = useMutation(
    trpc.domain.add.mutationOptions({
      onSuccess: async () => {
        setDomain('');
        await queryClient.invalidateQueries({ queryKey: trpc.domain.list.queryKey() });
      },
    }),
  );
  const errors = formErrors(add.error, FIELDS);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    add.mutate({ domain });
  }

  return (
    <Card>
      <form onSubmit={onSubmit} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate>
        <div className="flex-1">
          <Field id="domain" label="Host name" error={errors.fields.domain}>
            <Input
              id="domain"
              required
              autoCapitalize="none"
              spellCheck={false}
              placeholder="help.example.com"
              value={domain}
              onChange={(e) => setDomain(e.target.value)}
              aria-invalid={Boolean(errors.fields.domain)}
              aria-describedby={errors.fields.domain ? 'domain-error' : undefined}
            />
          </Field>
        </div>
        <Button type="submit" className="sm:mt-6" disabled={add.isPending}>
          {add.isPending ? <Spinner label="Adding domain" /> : null}
          Add domain
        </Button>
      </form>
      {errors.message ? (
        <div className="mt-3">
          <Alert>{errors.message}</Alert>
        </div>
      ) : null}
    </Card>
  );
}
