'use client';

import { useState, useTransition, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Alert, Spinner } from '@/components/ui/card';
import { EmailInput, Field, Input } from '@/components/ui/input';
import { requestSignInLink, signInWithPassword, type AuthActionResult } from '../../_actions';

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [result, setResult] = useState<Extract<AuthActionResult, { ok: false }> | null>(
    initialError ? { ok: false, message: initialError } : null,
  );
  const [pending, startTransition] = useTransition();
  const [busyWith, setBusyWith] = useState<'password' | 'link' | null>(null);

  function run(kind: 'password' | 'link', action: () => Promise<AuthActionResult>) {
    setBusyWith(kind);
    setResult(null);
    startTransition(async () => {
      // On success the action redirects, so only failures come back here.
      const outcome = await action();
      if (!outcome.ok) setResult(outcome);
    });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run('password', () => signInWithPassword({ email, password, redirectTo: callbackUrl }));
  }

  function onEmailLink() {
    if (!email.trim()) {
      setResult({ ok: false, message: 'Enter your email address first, then ask for a link.', field: 'email' });
      return;
    }
    run('link', () => requestSignInLink({ email, redirectTo: callbackUrl }));
  }

  const emailError = result?.field === 'email' ? result.message : undefined;
  const passwordError = result?.field === 'password' ? result.message : undefined;

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {result && !result.field ? <Alert>{result.message}</Alert> : null}
      <Field id="email" label="Email" error={emailError}>
        <EmailInput
          id="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={Boolean(emailError)}
          aria-describedby={emailError ? 'email-error' : undefined}
        />
      </Field>
      <Field id="password" label="Password" error={passwordError}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={Boolean(passwordError)}
          aria-describedby={passwordError ? 'password-error' : undefined}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending && busyWith === 'password' ? <Spinner label="Signing in" /> : null}
        Sign in
      </Button>
      <div className="flex items-center gap-3 text-xs text-slate-500" aria-hidden="true">
        <span className="h-px flex-1 bg-slate-200" />
        or
        <span className="h-px flex-1 bg-slate-200" />
      </div>
      <Button type="button" variant="secondary" className="w-full" disabled={pending} onClick={onEmailLink}>
        {pending && busyWith === 'link' ? <Spinner label="Sending link" /> : null}
        Email me a sign-in link
      </Button>
    </form>
  );
}
