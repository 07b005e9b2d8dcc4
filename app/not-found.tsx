import Link from 'next/link';
import { Button } from '@/components/ui/button';

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <p className="text-sm font-semibold text-brand">404</p>
      <h1 className="text-2xl font-bold tracking-tight">We couldn't find that page</h1>
      <p className="text-slate-600">
        The address may be mistyped, or the help center or page may no longer exist. Check the link you followed.
      </p>
      <Button asChild variant="secondary">
        <Link href="/">Go to the home page</Link>
      </Button>
    </main>
  );
}
