import { z } from 'zod';
import { SUPPORT_SOURCES } from '@/lib/constants/support';
import { workspaceSlug } from './workspace';

/**
 * A page path as the browser has it: path only. A query string or fragment is cut off rather than refused,
 * since it may carry personal data (an email in ?next=, a search term) that deflection does not need.
 */
export const supportPagePath = z
  .string()
  .trim()
  .max(2000, { message: 'The page path is too long (2,000 characters at most).' })
  .transform((path) => path.split(/[?#]/)[0]!.slice(0, 500))
  .pipe(z.string().startsWith('/', { message: 'Send the page path, starting with "/".' }));

/**
 * What the help center and portal report from the browser. Only views and searches: a filed request is
 * recorded by the server where the ticket is created, so nobody can claim or erase one from outside.
 */
export const recordSupportActivityInput = z.strictObject({
  workspace: workspaceSlug,
  sessionId: z.uuid({ message: 'Send the session id this tab was given (a uuid).' }),
  source: z.enum(SUPPORT_SOURCES),
  pagePath: supportPagePath,
  kind: z.enum(['article_viewed', 'search']),
  articleId: z.uuid().optional(),
});

/** The admin's deflection report: whole UTC days, at most a quarter. */
export const deflectionReportInput = z
  .strictObject({
    from: z.coerce.date(),
    to: z.coerce.date(),
  })
  .refine((range) => range.to > range.from, { message: 'The end of the range must be after its start.', path: ['to'] })
  .refine((range) => range.to.getTime() - range.from.getTime() <= 92 * 86_400_000, {
    message: 'Choose at most 92 days.',
    path: ['to'],
  });
