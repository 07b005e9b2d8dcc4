import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Card } from '@/components/ui/card';
import { env } from '@/lib/env';
import { SignUpForm } from './_components/sign-up-form';

export const metadata: Metadata = { title: 'Create your workspace' };

export default async function SignUpPage() {
  // Rendered per request so the address preview shows this deployment's APP_URL, not the build machine's.
  await connection();
  return (
    <Card className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Create your Cairn workspace</h1>
        <p className="mt-1 text-sm text-slate-600">Your account and your team&apos;s help desk, in one step.</p>
      </div>
      <SignUpForm host={new URL(env.APP_URL).host} />
      <p className="text-center text-sm text-slate-600">
        Already have an account?{' '}
        <Link href="/signin" className="font-medium text-brand underline-offset-2 hover:underline">
          Sign in
        </Link>
      </p>
    </Card>
  );
}
