import Link from 'next/link';
import { Button } from '@/components/ui/button';

export default function HomePage() {
  return (
    <main className="mx-auto flex min-h-screen max-w-2xl flex-col items-center justify-center gap-6 px-6 text-center">
      <h1 className="text-4xl font-bold tracking-tight">Cairn</h1>
      <p className="text-lg text-slate-600">
        The open-source help desk that keeps email threads, SLA clocks and big queues right.
      </p>
      <div className="flex gap-3">
        <Button asChild>
          <Link href="/signup">Create a workspace</Link>
        </Button>
        <Button asChild variant="secondary">
          <Link href="/signin">Sign in</Link>
        </Button>
      </div>
    </main>
  );
}
