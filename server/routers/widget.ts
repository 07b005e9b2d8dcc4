import { tracked } from '@trpc/server';
import { z } from 'zod';
import { MESSAGE_AUTHOR_TYPES, TICKET_STATUSES } from '@/lib/constants/ticket';
import { WIDGET_POSITIONS } from '@/lib/constants/widget';
import {
  updateWidgetSettingsInput,
  widgetConfigInput,
  widgetConversationInput,
  widgetConversationsInput,
  widgetRateInput,
  widgetReplyInput,
  widgetSurveyInput,
} from '@/lib/validators/widget';
import { consumeRateLimit } from '@/server/auth/rate-limit';
import { watchWorkspace } from '@/server/live/hub';
import type { LiveEvent } from '@/server/live/publish';
import { adminProcedure, publicProcedure, router } from '@/server/trpc/init';
import { getWidgetConfig } from '@/server/services/widget/widget-config';
import {
  getWidgetConversation,
  isVisitorTicket,
  listWidgetConversations,
  replyInWidget,
} from '@/server/services/widget/visitor-conversations';
import {
  endWidgetSecretRotation,
  getWidgetSettings,
  rotateWidgetSecret,
  updateWidgetSettings,
} from '@/server/services/widget/widget-settings';
import { getWidgetSurvey, rateInWidget } from '@/server/services/widget/visitor-survey';
import { withWidget } from '@/server/services/widget/with-widget';
import { customerSurveyOutput } from './csat';

// ── The panel (iframe under /embed/{workspace}), reachable by anyone ─────────────────────────────────
// The workspace is named by slug; who the visitor is comes from the identity verified on the server.
// Every output is declared, so agent-only fields cannot leak to a visitor.

const article = z.object({ id: z.uuid(), slug: z.string(), title: z.string(), excerpt: z.string() });
const conversationSummary = z.object({
  id: z.uuid(),
  displayNumber: z.string(),
  subject: z.string(),
  status: z.enum(TICKET_STATUSES),
  updatedAt: z.date(),
});
const conversationMessage = z.object({
  id: z.uuid(),
  authorType: z.enum(MESSAGE_AUTHOR_TYPES).exclude(['system']),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.date(),
});

export const widgetRouter = router({
  config: publicProcedure
    .input(widgetConfigInput.extend(widgetConversationsInput.shape))
    .output(
      z.object({
        workspaceName: z.string(),
        allowedOrigins: z.array(z.string()),
        position: z.enum(WIDGET_POSITIONS),
        color: z.string(),
        greeting: z.string(),
        parts: z.object({ articles: z.boolean(), contactForm: z.boolean(), conversations: z.boolean() }),
        supportEmail: z.string(),
        identified: z.boolean(),
        prefill: z.object({ email: z.string().nullable(), name: z.string().nullable() }),
        articles: z.array(article),
      }),
    )
    .query(({ input }) => withWidget(input.workspace, input.identity, (scope) => getWidgetConfig(scope, input.path))),
  conversations: publicProcedure
    .input(widgetConversationsInput)
    .output(z.object({ verified: z.boolean(), items: z.array(conversationSummary) }))
    .query(({ input }) => withWidget(input.workspace, input.identity, (scope) => listWidgetConversations(scope))),
  conversation: publicProcedure
    .input(widgetConversationInput)
    .output(z.object({ ticket: conversationSummary, messages: z.array(conversationMessage) }))
    .query(({ input }) =>
      withWidget(input.workspace, input.identity, (scope) => getWidgetConversation(scope, input.ticketId)),
    ),
  reply: publicProcedure
    .input(widgetReplyInput)
    .output(z.object({ messageId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      await consumeRateLimit('widgetReplyPerIp', ctx.ip);
      return withWidget(input.workspace, input.identity, (scope) => replyInWidget(scope, input));
    }),
  /** The survey of a verified visitor's solved conversation; null while it is open or when surveys are off. */
  survey: publicProcedure
    .input(widgetSurveyInput)
    .output(customerSurveyOutput.nullable())
    .query(({ input }) =>
      withWidget(input.workspace, input.identity, (scope) => getWidgetSurvey(scope, input.ticketId)),
    ),
  rate: publicProcedure
    .input(widgetRateInput)
    .output(customerSurveyOutput)
    .mutation(async ({ ctx, input }) => {
      await consumeRateLimit('widgetReplyPerIp', ctx.ip);
      return withWidget(input.workspace, input.identity, (scope) => rateInWidget(scope, input));
    }),
  /** Server-sent events: ids of the verified visitor's tickets that changed; the panel re-reads them. */
  events: publicProcedure.input(widgetConversationsInput).subscription(async function* ({ input, signal }) {
    const tenantId = await withWidget(input.workspace, input.identity, async (scope) =>
      scope.visitor.verified ? scope.tenantId : null,
    );
    if (!tenantId) return;
    const queue: LiveEvent[] = [];
    let wake: (() => void) | null = null;
    const stop = watchWorkspace(tenantId, (event) => {
      queue.push(event);
      wake?.();
    });
    try {
      while (!signal?.aborted) {
        const event = queue.shift();
        if (event) {
          const mine = await withWidget(input.workspace, input.identity, (scope) =>
            isVisitorTicket(scope, event.ticketId),
          );
          if (mine) yield tracked(`${event.ticketId}-${event.at}`, { ticketId: event.ticketId });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          signal?.addEventListener('abort', () => resolve(), { once: true });
        });
        wake = null;
      }
    } finally {
      stop();
    }
  }),
});

// ── Admin → Widget ────────────────────────────────────────────────────────────────────────────────────

export const widgetSettingsRouter = router({
  get: adminProcedure.query(({ ctx }) => getWidgetSettings(ctx.scope)),
  update: adminProcedure
    .input(updateWidgetSettingsInput)
    .mutation(({ ctx, input }) => updateWidgetSettings(ctx.scope, input)),
  rotateSecret: adminProcedure.mutation(({ ctx }) => rotateWidgetSecret(ctx.scope)),
  endRotation: adminProcedure.mutation(({ ctx }) => endWidgetSecretRotation(ctx.scope)),
});
