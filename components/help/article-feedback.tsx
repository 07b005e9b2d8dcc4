'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Textarea } from '@/components/ui/textarea';
import { describeError } from '@/lib/trpc/errors';
import { useTRPC } from '@/lib/trpc/client';
import { captureHelpCenterUsage } from '@/lib/analytics/help-center-usage';

/**
 * "Was this helpful?": the answer, then an optional comment, sent together as one piece of feedback so
 * the counts stay one per reader and answer.
 */
export function ArticleFeedback({ workspace, articleId }: { workspace: string; articleId: string }) {
  const trpc = useTRPC();
  const [helpful, setHelpful] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const submit = useMutation(
    trpc.help.feedback.mutationOptions({
      onSuccess: (_, vote) =>
        captureHelpCenterUsage(workspace, { action: 'helpful_vote', articleId, helpful: vote.helpful }),
    }),
  );

  if (submit.isSuccess) {
    return (
      <p role="status" className="text-sm text-slate-700">
        Thanks for your feedback.
      </p>
    );
  }

  const send = (withComment: boolean) =>
    submit.mutate({
      workspace,
      articleId,
      helpful: helpful!,
      comment: withComment && comment.trim() ? comment.trim() : undefined,
    });

  return (
    <section aria-labelledby="feedback-heading" className="space-y-3 print:hidden">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="feedback-heading" className="text-sm font-semibold text-slate-900">
          Was this article helpful?
        </h2>
        <div className="flex gap-2" role="group" aria-label="Was this article helpful?">
          <Button
            size="sm"
            variant={helpful === true ? 'primary' : 'secondary'}
            aria-pressed={helpful === true}
            onClick={() => setHelpful(true)}
          >
            Yes
          </Button>
          <Button
            size="sm"
            variant={helpful === false ? 'primary' : 'secondary'}
            aria-pressed={helpful === false}
            onClick={() => setHelpful(false)}
          >
            No
          </Button>
        </div>
      </div>
      {helpful !== null ? (
        <form
          className="max-w-xl space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            send(true);
          }}
        >
          <label htmlFor="feedback-comment" className="block text-sm text-slate-700">
            {helpful ? 'Anything we could add? (optional)' : 'What was missing or unclear? (optional)'}
          </label>
          <Textarea
            id="feedback-comment"
            value={comment}
            maxLength={2000}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
          />
          <div className="flex gap-2">
            <Button size="sm" type="submit" disabled={submit.isPending}>
              Send feedback
            </Button>
            <Button size="sm" type="button" variant="ghost" disabled={submit.isPending} onClick={() => send(false)}>
              Skip the comment
            </Button>
          </div>
          {submit.isError ? <Alert>{describeError(submit.error).message}</Alert> : null}
        </form>
      ) : null}
    </section>
  );
}
