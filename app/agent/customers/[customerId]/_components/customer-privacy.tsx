'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert, Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmailInput, Label } from '@/components/ui/input';
import type { PrivacyRequestStatus } from '@/lib/constants/privacy';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const STATUS: Record<PrivacyRequestStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: 'In progress', tone: 'info' },
  done: { label: 'Done', tone: 'success' },
  failed: { label: 'Failed', tone: 'danger' },
};

/** Admins only: the customer's data export and erasure, with the state of each request. */
export function CustomerPrivacy({ customerId, email, erased }: { customerId: string; email: string; erased: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const requests = useQuery({
    ...trpc.privacyRequest.list.queryOptions({ customerId }),
    // The worker finishes in the background: poll while something is still in progress.
    refetchInterval: (query) => (query.state.data?.some((r) => r.status === 'pending') ? 3000 : false),
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.privacyRequest.pathKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.customer.pathKey() }),
    ]);
  const exportData = useMutation(trpc.privacyRequest.export.mutationOptions({ onSuccess: refresh }));
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const erase = useMutation(
    trpc.privacyRequest.erase.mutationOptions({
      onSuccess: async () => {
        setConfirmOpen(false);
        setTyped('');
        await refresh();
      },
    }),
  );

  function confirmErase() {
    // Checked here for a quick answer; the server checks the same and says what to type.
    if (typed.trim().toLowerCase() !== email) return setTypedError(`Type ${email} exactly to confirm.`);
    setTypedError(null);
    erase.mutate({ customerId, confirmEmail: typed });
  }

  const pendingErasure = requests.data?.some((r) => r.kind === 'erasure' && r.status === 'pending');

  return (
    <Card className="space-y-4">
      <div>
        <h2 className="text-base font-semibold">Privacy</h2>
        <p className="text-sm text-slate-600">
          Export everything this workspace holds about the customer as a JSON file, or delete their personal data on
          request. Deleting keeps their tickets for your reports but removes their name, address, what they wrote and
          the files they sent.
        </p>
      </div>
      {exportData.isError ? <Alert>{describeError(exportData.error).message}</Alert> : null}
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => exportData.mutate({ customerId })} disabled={exportData.isPending}>
          {exportData.isPending ? 'Requesting…' : 'Export data'}
        </Button>
        {erased ? null : (
          <ConfirmDialog
            open={confirmOpen}
            onOpenChange={(open) => {
              setConfirmOpen(open);
              if (!open) setTypedError(null);
            }}
            trigger={
              <Button variant="danger" disabled={pendingErasure}>
                Delete personal data
              </Button>
            }
            title="Delete this customer's personal data?"
            description={
              <>
                <span className="block">
                  Their name and address are replaced, the text of their messages and ticket subjects is removed, their
                  files are deleted and they are signed out of the portal. Tickets stay, counted under &ldquo;Deleted
                  customer&rdquo;. This cannot be undone.
                </span>
                <Label htmlFor="confirm-email" className="mt-3 block">
                  Type <span className="font-mono">{email}</span> to confirm
                </Label>
                <EmailInput
                  id="confirm-email"
                  autoComplete="off"
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                  aria-invalid={Boolean(typedError)}
                />
              </>
            }
            confirmLabel="Delete personal data"
            onConfirm={confirmErase}
            pending={erase.isPending}
            error={typedError ?? (erase.isError ? describeError(erase.error).message : null)}
          />
        )}
      </div>

      {requests.isError ? <Alert>{describeError(requests.error).message}</Alert> : null}
      {requests.data?.length ? (
        <ul className="divide-y divide-slate-100 text-sm">
          {requests.data.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center gap-2 py-2">
              <span className="font-medium">{r.kind === 'export' ? 'Data export' : 'Deletion'}</span>
              <Badge tone={STATUS[r.status].tone}>{STATUS[r.status].label}</Badge>
              <span className="text-slate-500">asked {dateFormat.format(r.createdAt)}</span>
              {r.downloadUrl && r.expiresAt ? (
                <a href={r.downloadUrl} className="text-teal-700 underline">
                  Download (until {dateFormat.format(r.expiresAt)})
                </a>
              ) : r.kind === 'export' && r.status === 'done' ? (
                <span className="text-slate-500">link expired</span>
              ) : null}
              {r.lastError ? <span className="w-full text-red-700">{r.lastError}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
    </Card>
  );
}
