'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card } from '@/components/ui/card';
import { SkeletonList } from '@/components/ui/skeleton';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';

/** One switch per notification, saved as soon as it changes. */
export function NotificationPreferencesForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preferences = useQuery(trpc.notification.preferences.queryOptions());
  const update = useMutation(
    trpc.notification.updatePreferences.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.notification.preferences.queryKey(), data),
    }),
  );

  if (preferences.isPending) return <SkeletonList rows={2} label="Loading notification settings" />;
  if (preferences.isError) return <Alert>{describeError(preferences.error).message}</Alert>;

  return (
    <Card className="space-y-4">
      <ul className="divide-y divide-slate-100">
        {preferences.data.map((preference) => (
          <li key={preference.type} className="flex items-start gap-3 py-3">
            <input
              id={`pref-${preference.type}`}
              type="checkbox"
              className="mt-1 h-4 w-4"
              checked={preference.enabled}
              disabled={update.isPending}
              onChange={(e) => update.mutate({ preferences: [{ type: preference.type, enabled: e.target.checked }] })}
              aria-describedby={`pref-${preference.type}-hint`}
            />
            <label htmlFor={`pref-${preference.type}`} className="flex-1">
              <span className="block text-sm font-medium text-slate-900">{preference.label}</span>
              <span id={`pref-${preference.type}-hint`} className="block text-sm text-slate-600">
                {preference.hint}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {update.error ? <Alert>{describeError(update.error).message}</Alert> : null}
      {update.isSuccess ? <Alert tone="success">Saved.</Alert> : null}
    </Card>
  );
}
