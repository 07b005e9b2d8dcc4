import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { Card } from '@/components/ui/card';
import { auth } from '@/server/auth/config';
import { messageForRateLimitedCode } from '@/server/auth/sign-in-messages';
import { authErrorMessage } from '../_lib/auth-error-message';
import { safeCallbackUrl } from '../_lib/safe-callback-url';
import { SignInForm } from './_components/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const error = one(params.error);
  const callbackUrl = safeCallbackUrl(one(params.callbackUrl));
  // Already signed in: go on, unless Auth.js sent the person here to explain a failure.
  if (!error && (await auth())?.user) redirect(callbackUrl);

  return (
    <Card className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Cairn</h1>
        <p className="mt-1 text-sm text-slate-600">Use your password, or get a one-time link by email.</p>
      </div>
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={messageForRateLimitedCode(one(params.code)) ?? authErrorMessage(error)}
      />
      <p className="text-center text-sm text-slate-600">
        New to Cairn?{' '}
        <Link href="/signup" className="font-medium text-brand underline-offset-2 hover:underline">
          Create a workspace
        </Link>
      </p>
    </Card>
  );
}
