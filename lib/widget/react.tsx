'use client';

// React components for Next.js (or any React) hosts: copy this file, or import it from a package built from
// it. They only drive the script tag's loader (public/widget.js) and Cairn's public config endpoint.
import { useEffect, useRef, useState } from 'react';
import { helpMenuLinks, type HelpLink } from './help-links';

type Identity = { id: string; email?: string; name?: string; signature?: string };
type CairnApi = {
  q?: unknown[][];
  open?: () => void;
  identify?: (identity: Identity) => void;
  setContext?: (context: Record<string, string | number | boolean>) => void;
  on?: (event: string, fn: (payload: unknown) => void) => void;
};

/** Calls the loader's API, or queues the call for when it has loaded (the loader replays `Cairn.q`). */
function call(name: 'identify' | 'setContext' | 'open' | 'on', ...args: unknown[]) {
  const w = window as unknown as { Cairn?: CairnApi };
  const api = (w.Cairn ??= { q: [] });
  const fn = api[name] as ((...a: unknown[]) => void) | undefined;
  if (typeof fn === 'function') fn(...args);
  else (api.q ??= []).push([name, ...args]);
}

type WidgetProps = {
  appUrl: string;
  workspace: string;
  identity?: Identity | null;
  context?: Record<string, string | number | boolean>;
  onTicketCreated?: (ticket: { number: string }) => void;
};

/** Adds the support button once per page; identity and context follow the props. Renders nothing itself. */
export function CairnWidget({ appUrl, workspace, identity, context, onTicketCreated }: WidgetProps) {
  const callback = useRef(onTicketCreated);
  useEffect(() => {
    callback.current = onTicketCreated;
  });
  useEffect(() => {
    if (document.getElementById('cairn-widget-script')) return;
    call('on', 'ticket:created', (ticket: unknown) => callback.current?.(ticket as { number: string }));
    const script = document.createElement('script');
    script.id = 'cairn-widget-script';
    script.src = `${appUrl.replace(/\/$/, '')}/widget.js`;
    script.async = true;
    script.dataset.workspace = workspace;
    document.body.appendChild(script);
  }, [appUrl, workspace]);
  const identityKey = JSON.stringify(identity ?? null);
  useEffect(() => {
    if (identity) call('identify', identity);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the serialized identity is the dependency
  }, [identityKey]);
  const contextKey = JSON.stringify(context ?? {});
  useEffect(() => {
    if (context) call('setContext', context);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the serialized context is the dependency
  }, [contextKey]);
  return null;
}

/** Opens the support panel from the host's own button or menu item. */
export const openCairnWidget = () => call('open');

type MenuProps = {
  appUrl: string;
  workspace: string;
  /** The page's path, for the articles linked to it; defaults to the current location. */
  path?: string;
  onLinkClick?: (link: HelpLink) => void;
  className?: string;
};

/**
 * The help-links dropdown for the host's navigation: the page's articles, the help center, contact and the
 * visitor's requests. A native <details> menu: keyboard and screen readers work without extra code.
 */
export function CairnHelpMenu({ appUrl, workspace, path, onLinkClick, className }: MenuProps) {
  const [articles, setArticles] = useState<Array<{ slug: string; title: string }>>([]);
  useEffect(() => {
    const page = path ?? window.location.pathname;
    const controller = new AbortController();
    fetch(
      `${appUrl.replace(/\/$/, '')}/api/widget/${encodeURIComponent(workspace)}/config?path=${encodeURIComponent(page)}`,
      {
        credentials: 'omit',
        signal: controller.signal,
      },
    )
      .then((response) => (response.ok ? response.json() : { articles: [] }))
      .then((body: { articles?: Array<{ slug: string; title: string }> }) => setArticles(body.articles ?? []))
      .catch(() => undefined);
    return () => controller.abort();
  }, [appUrl, workspace, path]);
  const links = helpMenuLinks(appUrl, workspace, articles);
  return (
    <details className={className}>
      <summary>Help</summary>
      <ul role="menu">
        {links.map((link) => (
          <li key={link.href} role="none">
            <a
              role="menuitem"
              href={link.href}
              target="_blank"
              rel="noopener noreferrer"
              onClick={() => onLinkClick?.(link)}
            >
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
