'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { Field, Input } from '@/components/ui/input';
import { useTRPC } from '@/lib/trpc/client';
import { signInWithPassword } from '../../../_actions';
import { useJoinWorkspace } from './use-join-workspace';

const FIELDS = ['name', 'password'] as const;

/** For a new person: create the account with the invited address, sign in, open the workspace. */
export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const accept = useMutation(trpc.auth.acceptInvitation.mutationOptions());
  const join = useJoinWorkspace();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [finishing, setFinishing] = useState(false);
  const [afterError, setAfterError] = useState<string | null>(null);

  const errors = formErrors(accept.error, FIELDS);
  const pending = accept.isPending || finishing;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAfterError(null);
    accept.mutate(
      { token, name, password },
      {
        onSuccess: async ({ workspaceId }) => {
          setFinishing(true);
          try {
            const signedIn = await signInWithPassword({ email, password });
            if (!signedIn.ok) {
              setAfterError(signedIn.message);
              return;
            }
            await join.join(workspaceId);
          } catch {
            setAfterError('Something went wrong while opening the workspace.');
          } finally {
            setFinishing(false);
          }
        },
      },
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      {afterError ? (
        <Alert>
          Your account is ready, but we could not finish: {afterError}{' '}
          <Link href="/signin" className="font-medium underline">
            Sign in
          </Link>
        </Alert>
      ) : null}
      <Field id="email" label="Email">
        <Input
          id="email"
          type="email"
          value={email}
          readOnly
          aria-readonly="true"
          className="bg-slate-50 text-slate-600"
        />
      </Field>
      <Field id="name" label="Your name" error={errors.fields.name}>
        <Input
          id="name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={Boolean(errors.fields.name)}
          aria-describedby={errors.fields.name ? 'name-error' : undefined}
        />
      </Field>
      <Field id="password" label="Password" hint="At least 10 characters." error={errors.fields.password}>
        <Input
          id="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={Boolean(errors.fields.password)}
          aria-describedby={errors.fields.password ? 'password-error' : undefined}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? <Spinner label="Joining workspace" /> : null}
        Accept invitation
      </Button>
    </form>
  );
}
