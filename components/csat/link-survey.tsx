'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Alert, Card, Spinner } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { csatLabel } from '@/lib/constants/csat';
import { useTRPC } from '@/lib/trpc/client';
import { SurveyForm } from './survey-form';

type Props = {
  workspace: string;
  token: string;
  /** The rating link was just followed: record its rating (once the page runs in a browser). */
  record: boolean;
  portalUrl: string;
};

const CLOSED_PAGES = {
  invalid: {
    title: 'This rating link does not work',
    body: 'The link is incomplete or was not issued by us. Open it again from the email, or sign in to the portal to rate your request.',
  },
  expired: {
    title: 'This rating link has expired',
    body: 'Rating links work for a limited time after a request is solved. You can still sign in to the portal to rate your request.',
  },
  superseded: {
    title: 'This request was reopened',
    body: 'The survey in this email was for an earlier answer. We will ask again once the request is solved.',
  },
} as const;

/**
 * The page a rating link opens. Opening it (a GET, which mail scanners also do) records nothing; the page
 * posts the link's rating once it runs in a browser, then shows the survey to change it, comment and
 * answer the follow-ups. The address loses its "record" mark, so a reload never re-sends the first click.
 */
export function LinkSurvey({ workspace, token, record, portalUrl }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = { workspace, token };
  const view = useQuery({ ...trpc.csat.linkSurvey.queryOptions(input), enabled: !record });
  const recordClick = useMutation(
    trpc.csat.rateByLink.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.csat.linkSurvey.queryKey(input), data),
    }),
  );
  const submit = useMutation(
    trpc.csat.submitByLink.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.csat.linkSurvey.queryKey(input), data),
    }),
  );
  const started = useRef(false);

  useEffect(() => {
    if (!record || started.current) return;
    started.current = true;
    recordClick.mutate(input, {
      onSettled: () => {
        const url = new URL(window.location.href);
        url.searchParams.delete('record');
        window.history.replaceState(null, '', url);
      },
    });
  });

  const data = submit.data ?? recordClick.data ?? view.data;
  const error = recordClick.error ?? (record ? null : view.error);
  if (error) return <ErrorAlert error={error} onRetry={() => (record ? recordClick.mutate(input) : view.refetch())} />;
  if (!data)
    return (
      <Card className="flex items-center gap-3">
        <Spinner label={record ? 'Saving your rating' : 'Loading the survey'} />
        <span className="text-sm text-slate-600">{record ? 'Saving your rating…' : 'Loading the survey…'}</span>
      </Card>
    );
  if (data.state !== 'open') {
    const page = CLOSED_PAGES[data.state];
    return (
      <Card className="space-y-3">
        <h1 className="text-xl font-semibold text-slate-900">{page.title}</h1>
        <p className="text-sm text-slate-600">{page.body}</p>
        <a href={portalUrl} className="text-sm font-medium text-brand hover:underline">
          Go to the portal
        </a>
      </Card>
    );
  }
  const { survey } = data;
  return (
    <Card className="space-y-6">
      <div className="space-y-1">
        <p className="text-sm text-slate-500">
          Request {survey.ticket.displayNumber}: {survey.ticket.subject}
        </p>
        <h1 className="text-xl font-semibold text-slate-900">How did we do?</h1>
      </div>
      {recordClick.data && survey.rating !== null ? (
        <Alert tone="success">
          Thanks! We recorded your rating: {csatLabel(survey.scale, survey.rating)}. You can change it below and tell us
          more.
        </Alert>
      ) : null}
      <SurveyForm
        key={`${survey.rating}-${recordClick.isSuccess}`}
        survey={survey}
        pending={submit.isPending}
        error={submit.error}
        saved={submit.isSuccess}
        onSubmit={(response) => submit.mutate({ ...input, response })}
      />
    </Card>
  );
}
