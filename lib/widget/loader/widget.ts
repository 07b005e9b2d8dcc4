// The support button loader, compiled to public/widget.js (scripts/build-widget.ts). It runs on the host's
// page, so it never throws into it (every entry point is guarded), never blocks it (async, and nothing is
// fetched before the page's load event), and loads the panel only when the button is opened. The panel is
// an iframe on Cairn's origin; messages are accepted from that origin and that frame only.
import { WIDGET_MESSAGE_SOURCE } from '@/lib/constants/widget';
import { helpMenuLinks } from '../help-links';
import { isWidgetMessage, type HostMessage, type PanelMessage, type WidgetIdentityMessage } from './protocol';

type Listener = (payload: unknown) => void;
type Context = Record<string, string | number | boolean>;
type Api = {
  open: () => void;
  close: () => void;
  identify: (identity: WidgetIdentityMessage) => void;
  setContext: (context: Context) => void;
  on: (event: string, fn: Listener) => void;
  q?: unknown[][];
};
type Button = {
  position: 'bottom-right' | 'bottom-left';
  color: string;
  greeting: string;
  articles: Array<{ slug: string; title: string }>;
};

const guard =
  <A extends unknown[]>(fn: (...args: A) => void) =>
  (...args: A) => {
    try {
      fn(...args);
    } catch (error) {
      if (typeof console !== 'undefined') console.warn('[cairn widget]', error);
    }
  };

const STYLE = `
.b{position:fixed;bottom:20px;z-index:2147483000;width:56px;height:56px;border-radius:50%;border:0;cursor:pointer;
box-shadow:0 4px 14px rgba(0,0,0,.25);color:#fff;display:flex;align-items:center;justify-content:center}
.b:focus-visible{outline:3px solid #111;outline-offset:2px}
.f{position:fixed;bottom:88px;z-index:2147483000;width:380px;height:min(640px,calc(100vh - 108px));border:0;
border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.25);background:#fff;display:none}
.f.o{display:block}
@media (max-width:480px){.f{inset:0;width:100%;height:100%;border-radius:0}}
.r{right:20px}.l{left:20px}`;

const ICON =
  '<svg width="26" height="26" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true"><path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z"/></svg>';

guard(() => {
  const script = document.currentScript as HTMLScriptElement | null;
  const slug = script?.dataset.workspace;
  if (!script || !slug) return;
  const base = new URL(script.src).origin;
  const w = window as unknown as { Cairn?: Api };
  const queued = w.Cairn?.q ?? [];

  let identity: WidgetIdentityMessage | null = null;
  let context: Context = {};
  const listeners: Record<string, Listener[]> = {};
  let frame: HTMLIFrameElement | null = null;
  let button: HTMLButtonElement | null = null;
  let root: ShadowRoot | null = null;
  let side = 'r';
  let wantOpen = false;

  const post = (message: HostMessage) => frame?.contentWindow?.postMessage(message, base);
  const emit = (event: string, payload: unknown) => (listeners[event] ?? []).forEach((fn) => guard(fn)(payload));

  const page = () => ({
    url: location.href,
    path: location.pathname,
    title: document.title,
    referrer: document.referrer,
    screen: `${screen.width}x${screen.height}`,
  });

  const show = (open: boolean) => {
    if (!frame) return;
    frame.classList.toggle('o', open);
    button?.setAttribute('aria-expanded', String(open));
    if (open) frame.focus();
  };

  const open = () => {
    wantOpen = true;
    if (!root) return; // the button is not there yet: it opens as soon as it is
    if (!frame) {
      frame = document.createElement('iframe');
      frame.className = `f ${side}`;
      frame.title = 'Support';
      frame.src = `${base}/embed/${encodeURIComponent(slug)}?origin=${encodeURIComponent(location.origin)}`;
      root.appendChild(frame);
    }
    show(true);
  };
  const close = () => {
    wantOpen = false;
    show(false);
    button?.focus();
  };

  window.addEventListener(
    'message',
    guard((event: MessageEvent) => {
      if (event.origin !== base || !frame || event.source !== frame.contentWindow || !isWidgetMessage(event.data))
        return;
      const message = event.data as PanelMessage;
      if (message.type === 'ready')
        post({ source: WIDGET_MESSAGE_SOURCE, type: 'init', identity, context, page: page() });
      else if (message.type === 'close') close();
      else if (message.type === 'ticket:created') emit('ticket:created', message.ticket);
      else if (message.type === 'analytics') emit('analytics', message);
    }),
  );

  const render = (look: Button) => {
    const host = document.createElement('div');
    host.id = 'cairn-widget';
    // A shadow root: the host's CSS cannot reach the button, and ours cannot leak into the page.
    root = host.attachShadow({ mode: 'open' });
    side = look.position === 'bottom-left' ? 'l' : 'r';
    const style = document.createElement('style');
    style.textContent = STYLE;
    button = document.createElement('button');
    button.className = `b ${side}`;
    button.style.background = look.color;
    button.setAttribute('aria-label', look.greeting || 'Support');
    button.setAttribute('aria-expanded', 'false');
    button.innerHTML = ICON;
    button.addEventListener(
      'click',
      guard(() => {
        if (frame?.classList.contains('o')) close();
        else {
          emit('support_button_click', { path: location.pathname });
          open();
        }
      }),
    );
    root.append(style, button);
    document.body.appendChild(host);
    if (wantOpen) open();
    renderHelpMenus(look.articles);
  };

  // The help-links dropdown: every element with data-cairn-help-menu gets the workspace's help menu (the
  // page's articles, help center, contact, my requests) as plain links the host styles itself.
  const renderHelpMenus = (articles: Button['articles']) => {
    const links = helpMenuLinks(base, slug, articles);
    document.querySelectorAll<HTMLElement>('[data-cairn-help-menu]').forEach((element) => {
      const list = document.createElement('ul');
      list.className = 'cairn-help-menu';
      for (const link of links) {
        const item = document.createElement('li');
        const anchor = document.createElement('a');
        anchor.href = link.href;
        anchor.textContent = link.label;
        anchor.target = '_blank';
        anchor.rel = 'noopener noreferrer';
        anchor.dataset.kind = link.kind;
        anchor.addEventListener(
          'click',
          guard(() => emit('help_link_click', { kind: link.kind, href: link.href })),
        );
        item.appendChild(anchor);
        list.appendChild(item);
      }
      element.replaceChildren(list);
    });
  };

  const api: Api = {
    open: guard(open),
    close: guard(close),
    identify: guard((value: WidgetIdentityMessage) => {
      identity = value && typeof value.id === 'string' ? value : null;
      // A new identity is a new visitor: the panel starts over with it.
      if (frame) {
        frame.remove();
        frame = null;
        if (wantOpen) open();
      }
    }),
    setContext: guard((value: Context) => {
      context = { ...context, ...value };
      post({ source: WIDGET_MESSAGE_SOURCE, type: 'context', context });
    }),
    on: guard((event: string, fn: Listener) => {
      if (typeof fn === 'function') (listeners[event] ??= []).push(fn);
    }),
  };
  w.Cairn = api;
  for (const call of queued) {
    const [name, ...args] = call as [keyof Api, ...unknown[]];
    const fn = api[name];
    if (typeof fn === 'function') (fn as (...a: unknown[]) => void)(...args);
  }

  // Nothing is fetched until the host page has loaded; an origin that is not allowed gets no button.
  const start = guard(() => {
    fetch(`${base}/api/widget/${encodeURIComponent(slug)}/config?path=${encodeURIComponent(location.pathname)}`, {
      credentials: 'omit',
    })
      .then((response) => (response.ok ? (response.json() as Promise<Button>) : null))
      .then(guard((look: Button | null) => (look ? render(look) : console.warn('[cairn widget] not allowed here'))))
      .catch(() => undefined);
  });
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
})();
