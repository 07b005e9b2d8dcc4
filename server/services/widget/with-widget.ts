import type { WidgetIdentity } from '@/lib/validators/widget';
import { resolveWidgetVisitor, type WidgetVisitorCaller } from '@/server/auth/resolve-caller';
import { withHelpCenter, type HelpScope } from '@/server/services/help/help-center-scope';
import { readWidgetSettings, type WidgetSettings } from './widget-settings';

/** A widget panel's call: the workspace's help-center scope (anonymous audience), its settings and who is asking. */
export type WidgetScope = HelpScope & { settings: WidgetSettings; visitor: WidgetVisitorCaller };

/**
 * Public entry point of the panel, named by workspace slug like the help center. One transaction: the
 * settings are read, the identity verified (server/auth/resolve-caller.ts) and the work done in it.
 */
export function withWidget<T>(
  workspaceSlug: string,
  identity: WidgetIdentity | null | undefined,
  work: (scope: WidgetScope) => Promise<T>,
): Promise<T> {
  return withHelpCenter(workspaceSlug, null, async (scope) => {
    const settings = await readWidgetSettings(scope);
    const visitor = resolveWidgetVisitor(scope.tenantId, settings, identity);
    return work({ ...scope, settings, visitor });
  });
}
