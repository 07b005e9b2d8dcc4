import Link from 'next/link';
import type { ReactNode } from 'react';
import { CairnLogo } from '@/components/layout/cairn-logo';
import { TRPCReactProvider } from '@/lib/trpc/client';

/** Sign-in, sign-up and invitation pages: one centred column, no workspace chrome. */
export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <TRPCReactProvider>
      <div className="flex min-h-screen flex-col items-center px-4 py-10 sm:justify-center">
        <Link href="/" className="mb-8 rounded-md">
          <CairnLogo className="text-xl" />
        </Link>
        <main className="w-full max-w-md">{children}</main>
      </div>
    </TRPCReactProvider>
  );
}
