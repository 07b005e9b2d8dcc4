'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { SurveyCard } from '@/components/csat/survey-card';
import { useTRPC } from '@/lib/trpc/client';
import type { WidgetIdentityMessage } from '@/lib/widget/loader/protocol';

type Visitor = { workspace: string; identity: WidgetIdentityMessage | null };

/** The portal's satisfaction survey, in the panel, on a verified visitor's solved conversation. */
export function WidgetSurvey({ visitor, ticketId }: { visitor: Visitor; ticketId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { ...visitor, ticketId };
  const survey = useQuery(trpc.widget.survey.queryOptions(input));
  const rate = useMutation(
    trpc.widget.rate.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.widget.survey.queryKey(input), saved),
    }),
  );
  return (
    <SurveyCard
      className="space-y-3 p-3"
      survey={survey}
      rate={rate}
      onRate={(response) => rate.mutate({ ...input, response })}
    />
  );
}
