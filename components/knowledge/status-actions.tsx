'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Input, Label } from '@/components/ui/input';
import { ARTICLE_STATUS_LABELS, type ArticleStatus } from '@/lib/constants/help';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { isScheduled, STATUS_TONES } from './article-labels';

type Props = { articleId: string; status: ArticleStatus; publishedAt: Date | null; helpCenterUrl: string | null };

const timeFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** Publish now, schedule, send to review, move back to draft or archive. */
export function StatusActions({ articleId, status, publishedAt, helpCenterUrl }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [when, setWhen] = useState('');
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.article.pathKey() });
  const setStatus = useMutation(trpc.article.setStatus.mutationOptions({ onSuccess: refresh }));
  const schedule = useMutation(trpc.article.schedule.mutationOptions({ onSuccess: refresh }));
  const scheduled = isScheduled({ status, publishedAt });
  const live = status === 'published' && !scheduled;
  const busy = setStatus.isPending || schedule.isPending;
  const error = setStatus.error ?? schedule.error;
  const move = (next: ArticleStatus) => setStatus.mutate({ articleId, status: next });

  return (
    <section aria-labelledby="status-heading" className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="status-heading" className="text-sm font-semibold text-slate-900">
          Status
        </h2>
        {scheduled ? (
          <Badge tone="info">Scheduled for {timeFormat.format(publishedAt!)}</Badge>
        ) : (
          <Badge tone={STATUS_TONES[status]}>{ARTICLE_STATUS_LABELS[status]}</Badge>
        )}
      </div>
      {live && helpCenterUrl ? (
        <a href={helpCenterUrl} target="_blank" rel="noreferrer" className="block text-sm text-brand underline">
          View in the help center
        </a>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {!live ? (
          <Button size="sm" disabled={busy} onClick={() => move('published')}>
            Publish now
          </Button>
        ) : null}
        {status === 'draft' ? (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => move('in_review')}>
            Send to review
          </Button>
        ) : null}
        {status !== 'draft' ? (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => move('draft')}>
            {live || scheduled ? 'Unpublish' : 'Back to draft'}
          </Button>
        ) : null}
        {status !== 'archived' ? (
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => move('archived')}>
            Archive
          </Button>
        ) : null}
      </div>
      {!live ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (when) schedule.mutate({ articleId, publishAt: new Date(when) });
          }}
        >
          <div>
            <Label htmlFor="publish-at">Publish later</Label>
            <Input
              id="publish-at"
              type="datetime-local"
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              className="h-8"
            />
          </div>
          <Button size="sm" variant="secondary" type="submit" disabled={busy || !when}>
            Schedule
          </Button>
        </form>
      ) : null}
      {error ? <Alert>{describeError(error).message}</Alert> : null}
    </section>
  );
}
