'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Card } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Skeleton } from '@/components/ui/skeleton';
import { useTRPC } from '@/lib/trpc/client';
import { SurveyForm } from './survey-form';

/** The satisfaction survey on a solved request in the portal: the same survey the solved mail links to. */
export function PortalSurvey({ ticketId }: { ticketId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.portal.survey.queryKey({ ticketId });
  const query = useQuery(trpc.portal.survey.queryOptions({ ticketId }));
  const rate = useMutation(
    trpc.portal.rate.mutationOptions({ onSuccess: (survey) => queryClient.setQueryData(key, survey) }),
  );
  if (query.isPending) return <Skeleton className="h-40 w-full" />;
  if (query.isError) return <ErrorAlert error={query.error} onRetry={() => query.refetch()} />;
  // Surveys are off in this workspace: nothing to ask.
  if (!query.data) return null;
  return (
    <Card className="space-y-4 p-4 sm:p-6">
      <h2 className="text-lg font-semibold text-slate-900">
        {query.data.rating === null ? 'How did we do?' : 'Your feedback'}
      </h2>
      <SurveyForm
        key={String(query.data.rating)}
        survey={query.data}
        pending={rate.isPending}
        error={rate.error}
        saved={rate.isSuccess}
        onSubmit={(response) => rate.mutate({ ticketId, response })}
      />
    </Card>
  );
}
