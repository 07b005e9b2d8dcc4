import type { Metadata } from 'next';
import Link from 'next/link';
import { Card } from '@/components/ui/card';
import { STAFF_LINK_TTL_MINUTES } from '@/server/auth/config';

export const metadata: Metadata = { title: 'Check your inbox' };

export default function CheckEmailPage() {
  return (
    <Card className="space-y-4 text-center">
      <div aria-hidden="true" className="text-4xl">
        ✉️
      </div>
      <h1 className="text-2xl font-semibold tracking-tight">Check your inbox</h1>
      <p className="text-sm text-slate-600">
        We sent you a sign-in link. It works once and expires in {STAFF_LINK_TTL_MINUTES} minutes. If it does not arrive
        within a couple of minutes, check your spam folder.
      </p>
      <p className="text-sm text-slate-600">
        <Link href="/signin" className="font-medium text-brand underline-offset-2 hover:underline">
          Back to sign in
        </Link>
      </p>
    </Card>
  );
}
