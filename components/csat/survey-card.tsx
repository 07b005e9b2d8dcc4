'use client';

import { Card } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { Skeleton } from '@/components/ui/skeleton';
import type { CsatResponseInput } from '@/lib/validators/csat';
import { SurveyForm, type SurveyValues } from './survey-form';

type Props = {
  survey: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    data: SurveyValues | null | undefined;
    refetch: () => void;
  };
  rate: { isPending: boolean; error: unknown; isSuccess: boolean };
  onRate: (response: CsatResponseInput) => void;
  className?: string;
};

/**
 * The satisfaction survey on a customer's solved request, wherever the customer reads it (the portal, the
 * widget's "my conversations"): loading, error, nothing to ask, or the rating control and comment.
 */
export function SurveyCard({ survey, rate, onRate, className = 'space-y-4 p-4 sm:p-6' }: Props) {
  if (survey.isPending) return <Skeleton className="h-40 w-full" />;
  if (survey.isError) return <ErrorAlert error={survey.error} onRetry={() => survey.refetch()} />;
  // Surveys are off in this workspace, or the request is not solved: nothing to ask.
  if (!survey.data) return null;
  return (
    <Card className={className}>
      <h2 className="text-lg font-semibold text-slate-900">
        {survey.data.rating === null ? 'How did we do?' : 'Your feedback'}
      </h2>
      <SurveyForm
        key={String(survey.data.rating)}
        survey={survey.data}
        pending={rate.isPending}
        error={rate.error}
        saved={rate.isSuccess}
        onSubmit={onRate}
      />
    </Card>
  );
}
