'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Spinner } from '@/components/ui/card';
import { formErrors } from '@/components/ui/form-errors';
import { EmailInput, Field, Input } from '@/components/ui/input';
import { useWorkspaceAddress } from '@/components/workspace/use-workspace-address';
import { WorkspaceAddressField } from '@/components/workspace/workspace-address-field';
import { useTRPC } from '@/lib/trpc/client';
import { signInWithPassword } from '../../_actions';

const FIELDS = ['name', 'email', 'password', 'workspaceName', 'workspaceSlug'] as const;

export function SignUpForm({ host }: { host: string }) {
  const trpc = useTRPC();
  const signUp = useMutation(trpc.auth.signUp.mutationOptions());
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const workspace = useWorkspaceAddress();
  const [signInError, setSignInError] = useState<string | null>(null);
  const [signingIn, startSignIn] = useTransition();

  const errors = formErrors(signUp.error, FIELDS, { slug: 'workspaceSlug' });
  const pending = signUp.isPending || signingIn;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSignInError(null);
    signUp.mutate(
      { name, email, password, workspaceName: workspace.name, workspaceSlug: workspace.slug },
      {
        onSuccess: () =>
          startSignIn(async () => {
            // The account exists now; a failure here (rate limit) leaves it intact, so point to sign-in.
            const result = await signInWithPassword({ email, password, redirectTo: '/agent' });
            if (!result.ok) setSignInError(result.message);
          }),
      },
    );
  }

  const describedBy = (id: string, error?: string) => (error ? `${id}-error` : undefined);

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {errors.message ? <Alert>{errors.message}</Alert> : null}
      {signInError ? (
        <Alert>
          Your workspace is ready, but we could not sign you in: {signInError}{' '}
          <Link href="/signin" className="font-medium underline">
            Go to sign in
          </Link>
        </Alert>
      ) : null}
      <Field id="name" label="Your name" error={errors.fields.name}>
        <Input
          id="name"
          autoComplete="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={Boolean(errors.fields.name)}
          aria-describedby={describedBy('name', errors.fields.name)}
        />
      </Field>
      <Field id="email" label="Email" error={errors.fields.email}>
        <EmailInput
          id="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={Boolean(errors.fields.email)}
          aria-describedby={describedBy('email', errors.fields.email)}
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
          aria-describedby={describedBy('password', errors.fields.password)}
        />
      </Field>
      <Field id="workspace-name" label="Workspace name" error={errors.fields.workspaceName}>
        <Input
          id="workspace-name"
          autoComplete="organization"
          required
          placeholder="Acme Support"
          value={workspace.name}
          onChange={(e) => workspace.setName(e.target.value)}
          aria-invalid={Boolean(errors.fields.workspaceName)}
          aria-describedby={describedBy('workspace-name', errors.fields.workspaceName)}
        />
      </Field>
      <WorkspaceAddressField
        host={host}
        value={workspace.slug}
        onChange={workspace.setSlug}
        error={errors.fields.workspaceSlug}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? <Spinner label={signingIn ? 'Signing in' : 'Creating workspace'} /> : null}
        Create workspace
      </Button>
    </form>
  );
}
