'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { SendButton } from '@/components/ui/send-button';
import { EmailInput, errorProps, Field } from '@/components/ui/input';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { emailField } from '@/lib/validators/workspace';

type Props = {
  workspaceSlug: string;
  workspaceName: string;
  /** The portal path to land on after following the link; the server keeps it inside this portal. */
  next?: string;
  linkMinutes: number;
  /** Why the last link didn't work, when the auth route sent the person back here. */
  errorMessage?: string;
  /** Why this page asks for sign-in although the visitor has a session (a one-ticket email link). */
  notice?: string;
  /** The request form that needs no account, offered to visitors who only want to ask something. */
  guestRequestHref?: string;
};

/** Passwordless sign-in for customers: ask for an email address, send a one-time link. */
export function PortalSignInForm({
  workspaceSlug,
  workspaceName,
  next,
  linkMinutes,
  errorMessage,
  notice,
  guestRequestHref,
}: Props) {
  const trpc = useTRPC();
  const inputId = useId();
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string>();
  const requestLink = useMutation(trpc.auth.requestPortalLink.mutationOptions());
  const sentHeading = useRef<HTMLHeadingElement>(null);

  // Move focus to the confirmation so screen readers announce it.
  useEffect(() => {
    if (requestLink.isSuccess) sentHeading.current?.focus();
  }, [requestLink.isSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = emailField.safeParse(email);
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message ?? 'Enter a valid email address.');
      return;
    }
    setFieldError(undefined);
    requestLink.mutate({ workspace: workspaceSlug, email: parsed.data, next });
  }

  if (requestLink.isSuccess) {
    return (
      <Card className="mx-auto max-w-md space-y-3">
        <h1 ref={sentHeading} tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          Check your email
        </h1>
        <p className="text-sm text-slate-600">
          We sent a sign-in link to <strong className="text-slate-900">{requestLink.variables?.email}</strong>. It works
          once and expires in {linkMinutes} minutes. If it doesn't arrive, check your spam folder.
        </p>
        <Button variant="secondary" onClick={() => requestLink.reset()}>
          Use a different email
        </Button>
      </Card>
    );
  }

  const failure = requestLink.error ? describeError(requestLink.error) : null;
  const serverFieldError =
    failure?.fieldErrors.email?.[0] ?? (failure?.field === 'email' ? failure.message : undefined);
  const emailError = fieldError ?? serverFieldError;
  const formError = failure && !serverFieldError ? failure.message : undefined;

  return (
    <Card className="mx-auto max-w-md space-y-5">
      <div className="space-y-1">
        <h1 className="text-xl font-semibold">Sign in to {workspaceName} support</h1>
        <p className="text-sm text-slate-600">
          Enter the email address you use with us. We'll send you a link that signs you in: no password needed.
        </p>
      </div>
      {notice ? <Alert tone="info">{notice}</Alert> : null}
      {errorMessage && !requestLink.isPending && !failure ? <Alert>{errorMessage}</Alert> : null}
      {formError ? <Alert>{formError}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field id={inputId} label="Email" error={emailError}>
          <EmailInput
            id={inputId}
            name="email"
            autoComplete="email"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            {...errorProps(inputId, emailError)}
          />
        </Field>
        <SendButton className="w-full" pending={requestLink.isPending}>
          Email me a sign-in link
        </SendButton>
      </form>
      {guestRequestHref ? (
        <p className="border-t border-slate-200 pt-4 text-sm text-slate-600">
          Only want to ask something?{' '}
          <Link className="font-medium text-brand underline" href={guestRequestHref}>
            Submit a request without signing in
          </Link>
        </p>
      ) : null}
    </Card>
  );
}
