import { Button } from '@/components/ui/button';

export type ShellUser = { name: string | null; email: string | null };

function initials(user: ShellUser) {
  const source = user.name?.trim() || user.email || '?';
  return source
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

/**
 * Who is signed in, and a real "Sign out" button. The action is a server action handed down by the
 * server layout, because components may not import server code.
 */
export function UserPanel({ user, signOutAction }: { user: ShellUser; signOutAction: () => Promise<void> }) {
  return (
    <div className="flex items-center gap-3">
      <span
        aria-hidden="true"
        className="flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-slate-200 text-xs font-semibold text-slate-700"
      >
        {initials(user)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-slate-900">{user.name || user.email}</p>
        {user.name && user.email ? <p className="truncate text-xs text-slate-500">{user.email}</p> : null}
      </div>
      <form action={signOutAction}>
        <Button type="submit" variant="ghost" size="sm">
          Sign out
        </Button>
      </form>
    </div>
  );
}
