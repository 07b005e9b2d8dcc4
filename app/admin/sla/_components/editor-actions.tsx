import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/card';

/** The footer of the SLA editors: back to the SLA page, or save (disabled while saving). */
export function EditorActions({ what, pending }: { what: string; pending: boolean }) {
  return (
    <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
      <Button asChild variant="ghost">
        <Link href="/admin/sla">Cancel</Link>
      </Button>
      <Button type="submit" disabled={pending}>
        {pending ? <Spinner label={`Saving ${what}`} /> : null}
        Save {what}
      </Button>
    </div>
  );
}
