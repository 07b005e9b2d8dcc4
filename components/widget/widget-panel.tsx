'use client';

import { useQuery } from '@tanstack/react-query';
import { CheckCircle2, X } from 'lucide-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { ErrorAlert } from '@/components/ui/error-alert';
import { SkeletonList } from '@/components/ui/skeleton';
import { captureEvent } from '@/lib/analytics/capture';
import { useSupportActivity } from '@/components/help/use-support-activity';
import { useTRPC } from '@/lib/trpc/client';
import type { WidgetContext } from '@/lib/validators/widget';
import type { WidgetIdentityMessage } from '@/lib/widget/loader/protocol';
import { useHostBridge } from './use-host-bridge';
import { ArticleList, WidgetArticle, WidgetSearch } from './widget-articles';
import { useLiveConversations, WidgetConversation, WidgetConversationList } from './widget-conversations';
import { WidgetRequestForm, type FiledRequest } from './widget-request-form';

type View =
  | { kind: 'home' }
  | { kind: 'article'; slug: string; back: View }
  | { kind: 'form' }
  | { kind: 'filed'; request: FiledRequest }
  | { kind: 'conversations' }
  | { kind: 'conversation'; ticketId: string };

/**
 * One id per opened panel (deflection is measured per session): a v4 uuid, as support_activity stores it.
 * Built from getRandomValues, since randomUUID exists only in a secure context and a plain-http embed
 * must still get one.
 */
function newSessionId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The panel inside the host's iframe. It waits for the loader's `init` (identity, page, context) before
 * asking anything, so a verified visitor never sees an anonymous flash; on an origin the workspace does not
 * allow it says so and talks to nobody.
 */
export function WidgetPanel({ workspace, hostOrigin }: { workspace: string; hostOrigin: string | null }) {
  const trpc = useTRPC();
  const [view, setView] = useState<View>({ kind: 'home' });
  const viewed = useRef<string[]>([]);
  const [sessionId] = useState(newSessionId);
  // The allowed origins come with the config (first asked without identity, then again with the one the
  // host sends); the previous answer is kept while the next loads, so the bridge stays open.
  const [identity, setIdentity] = useState<WidgetIdentityMessage | null>(null);
  const [path, setPath] = useState('/');
  const config = useQuery({
    ...trpc.widget.config.queryOptions({ workspace, identity, path }),
    placeholderData: (previous) => previous,
  });
  const allowed = Boolean(hostOrigin && config.data?.allowedOrigins.includes(hostOrigin));
  const host = useHostBridge(allowed ? hostOrigin : null, (init) => {
    setIdentity(init.identity);
    setPath(init.page?.path ?? '/');
  });
  const visitor = { workspace, identity };
  const identified = Boolean(config.data?.identified && host.ready && !config.isPlaceholderData);
  useLiveConversations(visitor, identified && Boolean(config.data?.parts.conversations));

  const track = useCallback(
    (name: 'support_request_created' | 'help_center_usage', extra: Record<string, string> = {}) =>
      captureEvent(name, { workspace, page: host.page?.path ?? '', ...extra }, identified ? identity?.id : null),
    [workspace, host.page, identity, identified],
  );

  // The panel exists only once the button was opened: that is the click, counted once per panel.
  useEffect(() => {
    if (host.ready) captureEvent('support_button_click', { workspace, page: host.page?.path ?? '' });
  }, [host.ready, host.page?.path, workspace]);

  // Deflection facts of this panel's session, on the host page's path (the request filed is recorded by
  // the server with the ticket, under the same session id carried in the context).
  const hostPath = host.page?.path;
  const where = useCallback(() => ({ sessionId, pagePath: hostPath ?? '/' }), [sessionId, hostPath]);
  const recordActivity = useSupportActivity(workspace, 'widget', where);

  const openArticle = (article: { id: string; slug: string; title: string }) => {
    if (!viewed.current.includes(article.title)) viewed.current.push(article.title);
    track('help_center_usage', { action: 'article_view', article: article.id });
    recordActivity({ kind: 'article_viewed', articleId: article.id });
    setView((current) => ({ kind: 'article', slug: article.slug, back: current }));
  };

  const context = (): WidgetContext => ({
    pageUrl: host.page?.url,
    pageTitle: host.page?.title,
    referrer: host.page?.referrer || undefined,
    screen: host.page?.screen,
    userAgent: navigator.userAgent,
    locale: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    custom: Object.fromEntries(Object.entries(host.context).map(([k, v]) => [k, String(v)])),
    viewedArticles: [...viewed.current],
    sessionId,
  });

  if (config.isError)
    return (
      <Shell onClose={() => host.send({ type: 'close' })}>
        <ErrorAlert error={config.error} onRetry={() => config.refetch()} />
      </Shell>
    );
  if (config.isPending || (allowed && (!host.ready || config.isPlaceholderData)))
    return (
      <Shell onClose={() => host.send({ type: 'close' })}>
        <SkeletonList rows={3} label="Loading support" />
      </Shell>
    );
  if (!allowed)
    return (
      <Shell>
        <Alert>This support widget is not enabled on this site.</Alert>
      </Shell>
    );

  const settings = config.data;
  const close = () => host.send({ type: 'close' });
  return (
    <Shell title={settings.workspaceName} color={settings.color} onClose={close}>
      {view.kind === 'home' ? (
        <div className="space-y-4">
          <p className="text-base font-medium">{settings.greeting}</p>
          {settings.parts.articles ? (
            <>
              {settings.articles.length ? (
                <section aria-label="Articles for this page" className="space-y-1">
                  <h2 className="text-xs font-semibold tracking-wide text-gray-600 uppercase">For this page</h2>
                  <ArticleList items={settings.articles} onOpen={openArticle} />
                </section>
              ) : null}
              <WidgetSearch
                workspace={workspace}
                onOpen={openArticle}
                onSearched={() => recordActivity({ kind: 'search' })}
              />
            </>
          ) : null}
          {settings.parts.contactForm ? (
            <Button className="w-full" variant="secondary" onClick={() => setView({ kind: 'form' })}>
              Still need help? Contact us
            </Button>
          ) : null}
          {identified && settings.parts.conversations ? (
            <Button className="w-full" variant="ghost" onClick={() => setView({ kind: 'conversations' })}>
              Your conversations
            </Button>
          ) : null}
        </div>
      ) : view.kind === 'article' ? (
        <WidgetArticle workspace={workspace} slug={view.slug} onBack={() => setView(view.back)} />
      ) : view.kind === 'form' ? (
        <div className="space-y-3">
          <BackHome onClick={() => setView({ kind: 'home' })} />
          <WidgetRequestForm
            workspace={workspace}
            identity={identity}
            identified={identified}
            prefill={settings.prefill}
            supportEmail={settings.supportEmail}
            context={context}
            onOpenArticle={openArticle}
            onFiled={(request) => {
              track('support_request_created', { ticket: request.displayNumber });
              host.send({ type: 'ticket:created', ticket: { number: request.displayNumber } });
              setView({ kind: 'filed', request });
            }}
          />
        </div>
      ) : view.kind === 'filed' ? (
        <div className="space-y-3 text-center" role="status">
          <CheckCircle2 className="mx-auto size-10 text-green-600" aria-hidden />
          <p className="font-medium">Request {view.request.displayNumber} received.</p>
          <p className="text-sm text-gray-600">
            We will answer {view.request.expectedFirstResponse}. A confirmation is on its way to your inbox.
          </p>
          <Button variant="secondary" onClick={() => setView({ kind: 'home' })}>
            Done
          </Button>
        </div>
      ) : view.kind === 'conversations' ? (
        <div className="space-y-3">
          <BackHome onClick={() => setView({ kind: 'home' })} />
          <WidgetConversationList
            visitor={visitor}
            onOpen={(ticketId) => setView({ kind: 'conversation', ticketId })}
          />
        </div>
      ) : (
        <WidgetConversation
          visitor={visitor}
          ticketId={view.ticketId}
          onBack={() => setView({ kind: 'conversations' })}
        />
      )}
    </Shell>
  );
}

function BackHome({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="text-sm text-gray-600 hover:underline" onClick={onClick}>
      ← Back
    </button>
  );
}

function Shell({
  title = 'Support',
  color = '#4f46e5',
  onClose,
  children,
}: {
  title?: string;
  color?: string;
  onClose?: () => void;
  children: React.ReactNode;
}) {
  useEffect(() => {
    if (!onClose) return;
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="flex h-dvh flex-col bg-white">
      <header className="flex items-center justify-between px-4 py-3 text-white" style={{ background: color }}>
        <h1 className="font-semibold">{title}</h1>
        {onClose ? (
          <button type="button" aria-label="Close support" className="rounded p-1 hover:bg-white/20" onClick={onClose}>
            <X className="size-5" aria-hidden />
          </button>
        ) : null}
      </header>
      <main className="flex-1 overflow-y-auto p-4">{children}</main>
    </div>
  );
}
