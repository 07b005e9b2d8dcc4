import { BUILT_IN_VIEWS, type BuiltInView } from '@/lib/constants/ticket';

/** Which list a page shows: a built-in view, a saved view, or every ticket. */
export type ActiveList = { kind: 'view'; view: BuiltInView } | { kind: 'saved'; savedViewId: string } | { kind: 'all' };

export const viewPath = (view: BuiltInView | string) => `/agent/views/${view}`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/agent/views/[view]`: a built-in view's name or a saved view's id; anything else is no list at all. */
export function parseViewParam(param: string): ActiveList | null {
  if ((BUILT_IN_VIEWS as readonly string[]).includes(param)) return { kind: 'view', view: param as BuiltInView };
  if (UUID.test(param)) return { kind: 'saved', savedViewId: param.toLowerCase() };
  return null;
}

export const isUuid = (value: string) => UUID.test(value);
