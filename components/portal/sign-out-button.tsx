import { Button } from '@/components/ui/button';

/** A real form POST, so signing out works without JavaScript and can't be triggered by a link or image. */
export function SignOutButton({ action }: { action: string }) {
  return (
    <form method="post" action={action}>
      <Button type="submit" variant="secondary" size="sm">
        Sign out
      </Button>
    </form>
  );
}
