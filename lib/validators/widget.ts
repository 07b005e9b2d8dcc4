import { z } from 'zod';
import { WORKSPACE_SLUG_PATTERN } from '@/lib/constants/portal';
import { csatResponseInput } from './csat';
import { WIDGET_CONTEXT_MAX_FIELDS, WIDGET_POSITIONS } from '@/lib/constants/widget';

const workspace = z.string().trim().toLowerCase().regex(WORKSPACE_SLUG_PATTERN, { message: 'Unknown workspace.' });

/** An origin as a browser sends it: scheme, host and port only, no path. */
export const hostOrigin = z
  .string()
  .trim()
  .max(200)
  .transform((value, ctx) => {
    try {
      const url = new URL(value);
      if ((url.protocol === 'https:' || url.protocol === 'http:') && value.replace(/\/$/, '') === url.origin)
        return url.origin;
    } catch {
      // reported below
    }
    ctx.addIssue({
      code: 'custom',
      message: `"${value}" is not an origin. Write the scheme and host only, like https://app.example.com.`,
    });
    return z.NEVER;
  });

export const updateWidgetSettingsInput = z.strictObject({
  allowedOrigins: z.array(hostOrigin).max(20, { message: 'List at most 20 origins.' }),
  position: z.enum(WIDGET_POSITIONS),
  color: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, { message: 'Use a hex colour like #4f46e5.' }),
  greeting: z
    .string()
    .trim()
    .min(1, { message: 'Write a greeting.' })
    .max(140, { message: 'Keep it under 140 characters.' }),
  articlesEnabled: z.boolean(),
  contactFormEnabled: z.boolean(),
  conversationsEnabled: z.boolean(),
  requireVerifiedIdentity: z.boolean(),
});

/** What the host passes to Cairn.identify; the signature is checked on the server, never trusted as sent. */
export const widgetIdentity = z.strictObject({
  id: z.string().trim().min(1).max(200),
  email: z.email({ message: 'Identify the visitor with a valid email.' }).max(320).optional(),
  name: z.string().trim().max(200).optional(),
  signature: z.string().trim().max(200).optional(),
});
export type WidgetIdentity = z.infer<typeof widgetIdentity>;

const visitor = { workspace, identity: widgetIdentity.nullish() };

export const widgetConfigInput = z.strictObject({ workspace, path: z.string().trim().max(500).default('/') });
export const widgetConversationsInput = z.strictObject(visitor);
export const widgetConversationInput = z.strictObject({ ...visitor, ticketId: z.uuid() });
export const widgetReplyInput = z.strictObject({
  ...visitor,
  ticketId: z.uuid(),
  body: z.string().trim().min(1, { message: 'Write a reply.' }).max(50_000),
});

/** The satisfaction survey on a verified visitor's solved conversation: the portal's survey and answers. */
export const widgetSurveyInput = widgetConversationInput;
export const widgetRateInput = z.strictObject({ ...visitor, ticketId: z.uuid(), response: csatResponseInput });

const contextValue = z.string().max(500);
/** The page and product context the panel gathers; every value a short string, shown to agents as sent. */
export const widgetContext = z.strictObject({
  pageUrl: z.string().max(2000).optional(),
  pageTitle: z.string().max(300).optional(),
  referrer: z.string().max(2000).optional(),
  userAgent: z.string().max(500).optional(),
  locale: z.string().max(40).optional(),
  timeZone: z.string().max(60).optional(),
  screen: z.string().max(40).optional(),
  /** The host's Cairn.setContext fields (plan, account id, app version…). */
  custom: z
    .record(z.string().max(60), z.union([contextValue, z.number(), z.boolean()]).transform(String))
    .refine((record) => Object.keys(record).length <= WIDGET_CONTEXT_MAX_FIELDS, {
      message: `Send at most ${WIDGET_CONTEXT_MAX_FIELDS} context fields.`,
    })
    .default({}),
  viewedArticles: z.array(z.string().max(200)).max(20).default([]),
  /** One id per opened panel, for deflection measurement (see README). */
  sessionId: z.string().max(64).optional(),
});
export type WidgetContext = z.infer<typeof widgetContext>;

/** The form of a widget request; files travel beside it in the same multipart body. */
export const fileWidgetRequestInput = z.strictObject({
  identity: widgetIdentity.nullish(),
  name: z.string().trim().max(200).optional(),
  email: z.email({ message: 'Enter your email so we can answer you.' }).max(320).optional(),
  subject: z.string().trim().min(3, { message: 'Write a subject of at least 3 characters.' }).max(200),
  message: z.string().trim().min(1, { message: 'Write your message.' }).max(50_000),
  context: widgetContext.default({ custom: {}, viewedArticles: [] }),
});
export type FileWidgetRequestInput = z.infer<typeof fileWidgetRequestInput>;
