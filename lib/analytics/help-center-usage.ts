import { captureEvent } from './posthog';

/**
 * `help_center_usage`: what readers do in the help center, with the workspace and the page's path. No
 * personal data: not the search words (people type names and addresses into search boxes), only how many
 * results they got.
 */
export type HelpCenterUsage =
  | { action: 'search'; resultCount: number }
  | { action: 'article_view'; articleId: string }
  | { action: 'helpful_vote'; articleId: string; helpful: boolean };

export function captureHelpCenterUsage(workspace: string, usage: HelpCenterUsage) {
  captureEvent('help_center_usage', {
    ...usage,
    workspace,
    page: typeof window === 'undefined' ? null : window.location.pathname,
  });
}
