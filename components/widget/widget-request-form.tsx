'use client';

import { useQuery } from '@tanstack/react-query';
import { Mail, Paperclip } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert } from '@/components/ui/card';
import { SendButton } from '@/components/ui/send-button';
import { EmailInput, Field, Input } from '@/components/ui/input';
import { Textarea } from '@/components/ui/textarea';
import { useDebouncedValue } from '@/components/ui/use-debounced-value';
import { WIDGET_MAX_FILES } from '@/lib/constants/widget';
import { useTRPC } from '@/lib/trpc/client';
import type { WidgetContext } from '@/lib/validators/widget';
import { widgetMailtoHref, widgetTicketContext } from '@/lib/widget/ticket-context';
import type { WidgetIdentityMessage } from '@/lib/widget/loader/protocol';
import { ArticleList } from './widget-articles';

export type FiledRequest = { ticketId: string; displayNumber: string; expectedFirstResponse: string };
type ArticleLink = { id: string; slug: string; title: string; excerpt: string };

type Props = {
  workspace: string;
  identity: WidgetIdentityMessage | null;
  identified: boolean;
  prefill: { email: string | null; name: string | null };
  supportEmail: string;
  context: () => WidgetContext;
  onOpenArticle: (article: ArticleLink) => void;
  onFiled: (request: FiledRequest) => void;
};

/** What filing failed with: a field to fix, or an outage (network, Cairn down, rate limit) → the mailto. */
type Failure = { field?: string; message: string; fallback: boolean };

async function postRequest(workspace: string, payload: unknown, files: File[]) {
  const body = new FormData();
  body.set('payload', JSON.stringify(payload));
  for (const file of files) body.append('file', file);
  let response: Response;
  try {
    response = await fetch(`/api/widget/${encodeURIComponent(workspace)}/requests`, { method: 'POST', body });
  } catch {
    throw { message: 'We could not reach support just now.', fallback: true } satisfies Failure;
  }
  const answer = (await response.json().catch(() => ({}))) as { error?: string } & Partial<FiledRequest>;
  if (response.ok) return answer as FiledRequest;
  // A 400 names what to fix in the form; anything else is ours (or a limit) and must not lose the text.
  const fallback = response.status !== 400;
  throw { message: answer.error ?? 'Filing the request failed.', fallback } satisfies Failure;
}

export function WidgetRequestForm(props: Props) {
  const trpc = useTRPC();
  const [subject, setSubject] = useState('');
  const [message, setMessage] = useState('');
  const [email, setEmail] = useState(props.prefill.email ?? '');
  const [name, setName] = useState(props.prefill.name ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Suggestions follow what is typed, subject and the start of the message (deflection).
  const typed = useDebouncedValue(`${subject} ${message.slice(0, 120)}`.trim(), 300);
  const suggestions = useQuery({
    ...trpc.help.suggest.queryOptions({ workspace: props.workspace, subject: typed.slice(0, 200) }),
    enabled: typed.length >= 4,
  });

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setFailure(null);
    try {
      const filed = await postRequest(
        props.workspace,
        {
          identity: props.identity,
          subject,
          message,
          email: props.identified ? undefined : email || undefined,
          name: name || undefined,
          context: props.context(),
        },
        files,
      );
      props.onFiled(filed);
    } catch (error) {
      setFailure(error as Failure);
    } finally {
      setPending(false);
    }
  }

  const mailto = failure?.fallback
    ? widgetMailtoHref(props.supportEmail, { subject, message, context: widgetTicketContext(props.context()) })
    : null;

  return (
    <form onSubmit={onSubmit} className="space-y-3" noValidate aria-label="Contact support">
      {props.identified ? null : (
        <div className="grid grid-cols-2 gap-2">
          <Field id="widget-name" label="Name">
            <Input id="widget-name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} />
          </Field>
          <Field id="widget-email" label="Email" error={failure?.field === 'email' ? failure.message : undefined}>
            <EmailInput
              id="widget-email"
              required
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
        </div>
      )}
      <Field id="widget-subject" label="Subject" error={failure?.field === 'subject' ? failure.message : undefined}>
        <Input id="widget-subject" required value={subject} onChange={(e) => setSubject(e.target.value)} />
      </Field>
      <Field id="widget-message" label="Message" error={failure?.field === 'message' ? failure.message : undefined}>
        <Textarea id="widget-message" required rows={5} value={message} onChange={(e) => setMessage(e.target.value)} />
      </Field>
      {suggestions.data?.items.length ? (
        <section aria-label="Articles that may answer this" className="space-y-1">
          <p className="text-xs font-medium text-gray-600">These articles may answer it:</p>
          <ArticleList items={suggestions.data.items} onOpen={props.onOpenArticle} />
        </section>
      ) : null}
      <label className="flex cursor-pointer items-center gap-2 text-sm text-gray-700">
        <Paperclip className="size-4" aria-hidden />
        <span>{files.length ? files.map((f) => f.name).join(', ') : 'Attach files'}</span>
        <input
          type="file"
          multiple
          className="sr-only"
          aria-label="Attach files"
          onChange={(e) => setFiles([...(e.target.files ?? [])].slice(0, WIDGET_MAX_FILES))}
        />
      </label>
      {failure && !failure.field ? (
        <Alert>
          <span>{failure.message}</span>
          {mailto ? (
            <a href={mailto} className="mt-2 flex items-center gap-1 font-medium underline" data-testid="widget-mailto">
              <Mail className="size-4" aria-hidden /> Email it to {props.supportEmail} instead
            </a>
          ) : null}
        </Alert>
      ) : null}
      <SendButton className="w-full" pending={pending}>
        Send
      </SendButton>
    </form>
  );
}
