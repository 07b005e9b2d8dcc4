'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@/lib/trpc/client';
import { SurveyCard } from './survey-card';

/** The satisfaction survey on a solved request in the portal: the same survey the solved mail links to. */
export function PortalSurvey({ ticketId }: { ticketId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = trpc.portal.survey.queryKey({ ticketId });
  const survey = useQuery(trpc.portal.survey.queryOptions({ ticketId }));
  const rate = useMutation(
    trpc.portal.rate.mutationOptions({ onSuccess: (saved) => queryClient.setQueryData(key, saved) }),
  );
  return <SurveyCard survey={survey} rate={rate} onRate={(response) => rate.mutate({ ticketId, response })} />;
}
