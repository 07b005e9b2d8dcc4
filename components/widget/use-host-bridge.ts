'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { WIDGET_MESSAGE_SOURCE } from '@/lib/constants/widget';
import {
  isWidgetMessage,
  type HostMessage,
  type PanelMessage,
  type WidgetIdentityMessage,
  type WidgetPageFacts,
} from '@/lib/widget/loader/protocol';

type DistributiveOmit<T, K extends keyof never> = T extends unknown ? Omit<T, K> : never;
export type HostState = {
  identity: WidgetIdentityMessage | null;
  context: Record<string, string | number | boolean>;
  page: WidgetPageFacts | null;
};

/**
 * The panel's side of the postMessage channel. `hostOrigin` is the origin the loader said it runs on; the
 * panel talks only when that origin is one of the workspace's allowed ones, accepts messages only from its
 * parent window at that origin, and addresses every message to that origin alone.
 */
export function useHostBridge(hostOrigin: string | null, onInit?: (state: HostState) => void) {
  const [state, setState] = useState<HostState>({ identity: null, context: {}, page: null });
  const [ready, setReady] = useState(false);
  const initRef = useRef(onInit);
  useEffect(() => {
    initRef.current = onInit;
  });

  const send = useCallback(
    (message: DistributiveOmit<PanelMessage, 'source'>) => {
      if (hostOrigin && window.parent !== window)
        window.parent.postMessage({ source: WIDGET_MESSAGE_SOURCE, ...message }, hostOrigin);
    },
    [hostOrigin],
  );

  useEffect(() => {
    if (!hostOrigin) return;
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== hostOrigin || event.source !== window.parent || !isWidgetMessage(event.data)) return;
      const message = event.data as HostMessage;
      if (message.type === 'init') {
        const next = { identity: message.identity, context: message.context ?? {}, page: message.page };
        setState(next);
        setReady(true);
        initRef.current?.(next);
      } else if (message.type === 'context') {
        setState((previous) => ({ ...previous, context: message.context ?? {} }));
      }
    };
    window.addEventListener('message', onMessage);
    send({ type: 'ready' });
    return () => window.removeEventListener('message', onMessage);
  }, [hostOrigin, send]);

  return { ...state, ready, send };
}
