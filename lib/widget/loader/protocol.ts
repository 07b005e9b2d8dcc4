import { WIDGET_MESSAGE_SOURCE } from '@/lib/constants/widget';

/** Host page → panel. */
export type HostMessage =
  | {
      source: typeof WIDGET_MESSAGE_SOURCE;
      type: 'init';
      identity: WidgetIdentityMessage | null;
      context: Record<string, string | number | boolean>;
      page: WidgetPageFacts;
    }
  | { source: typeof WIDGET_MESSAGE_SOURCE; type: 'context'; context: Record<string, string | number | boolean> };

/** Panel → host page. */
export type PanelMessage =
  | { source: typeof WIDGET_MESSAGE_SOURCE; type: 'ready' }
  | { source: typeof WIDGET_MESSAGE_SOURCE; type: 'close' }
  | { source: typeof WIDGET_MESSAGE_SOURCE; type: 'ticket:created'; ticket: { number: string } }
  | { source: typeof WIDGET_MESSAGE_SOURCE; type: 'analytics'; event: string; properties: Record<string, string> };

export type WidgetIdentityMessage = { id: string; email?: string; name?: string; signature?: string };

/** What only the host page knows: the panel runs on Cairn's origin and cannot read the host's URL or title. */
export type WidgetPageFacts = { url: string; path: string; title: string; referrer: string; screen: string };

export function isWidgetMessage(data: unknown): data is { source: string; type: string } {
  return typeof data === 'object' && data !== null && (data as { source?: unknown }).source === WIDGET_MESSAGE_SOURCE;
}
