import Link from 'next/link';
import { Button } from '@/components/ui/button';

export function NoAdminAccess() {
  return (
    <div className="mx-auto max-w-lg rounded-lg border border-dashed border-slate-300 bg-white px-6 py-12 text-center">
      <h1 className="text-lg font-semibold text-slate-900">You need admin access</h1>
      <p className="mt-2 text-sm text-slate-600">
        Workspace settings, members, teams and domains are managed by owners and admins. Ask one of them to change your
        role if you need this.
      </p>
      <Button asChild variant="secondary" className="mt-6">
        <Link href="/agent">Back to the inbox</Link>
      </Button>
    </div>
  );
}
