import { eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { csatSurveys, tickets, widgetSettings } from '@/server/db/schema';
import { runInTenant } from '@/server/db/tenant';
import { signWidgetUserId } from '@/server/services/widget/widget-identity';
import { callerFor, type Caller } from './caller';
import { uniqueEmail, uniqueSuffix, type TestWorkspace } from './factories';
import { setUpTestWidget, widgetRequestBody } from './widget-factories';
import { POST as postRequest } from '@/app/api/widget/[workspace]/requests/route';
import { PEER_ADDRESS_HEADER } from '@/server/auth/peer-address';

// The widget cases of tests/integration/cross-workspace.test.ts: A's owner and A's verified visitors try
// every widget procedure against workspace B, and B's stored settings and tickets are re-read after.

type Side = { ws: TestWorkspace };
type Case = { kind: 'takes-id' | 'scoped' | 'tenant-independent'; why: string; run: () => Promise<void> };
type Visitor = { identity: { id: string; signature: string }; ticketId: string; secret: string };

async function buildWidgetSide(side: Side, origin: string): Promise<Visitor> {
  const { secret, sign } = await setUpTestWidget(side.ws, [origin]);
  const id = `user-${uniqueSuffix()}`;
  const identity = { id, email: uniqueEmail('visitor'), signature: sign(id) };
  const response = await postRequest(
    new Request(`http://localhost/api/widget/${side.ws.slug}/requests`, {
      method: 'POST',
      body: widgetRequestBody({ identity, subject: 'Widget isolation', message: 'mine' }),
      headers: { [PEER_ADDRESS_HEADER]: `10.7.${Math.floor(Math.random() * 250)}.3` },
    }),
    { params: Promise.resolve({ workspace: side.ws.slug }) },
  );
  const { ticketId } = (await response.json()) as { ticketId: string };
  return { identity: { id, signature: identity.signature }, ticketId, secret };
}

export function widgetIsolationCases(sides: () => { A: Side; B: Side; asA: Caller }): Record<string, Case> {
  let built: Promise<{ vA: Visitor; vB: Visitor }> | undefined;
  const worlds = () =>
    (built ??= (async () => ({
      vA: await buildWidgetSide(sides().A, 'https://a-host.test'),
      vB: await buildWidgetSide(sides().B, 'https://b-host.test'),
    }))());
  const visitor = callerFor();
  const bSettings = async () => {
    const [row] = await runInTenant(sides().B.ws.id, ({ db }) => db.select().from(widgetSettings));
    return row!;
  };
  /** B's visitor, signed with B's secret, presented to A's widget: a stranger there. */
  const bInA = async () => ({ workspace: sides().A.ws.slug, identity: (await worlds()).vB.identity });

  return {
    'widget.config': {
      kind: 'tenant-independent',
      why: "B's signed visitor is anonymous in A's widget; A's config shows A's origins only",
      run: async () => {
        const config = await visitor.widget.config(await bInA());
        expect(config.identified).toBe(false);
        expect(config.allowedOrigins).toEqual(['https://a-host.test']);
      },
    },
    'widget.conversations': {
      kind: 'tenant-independent',
      why: "B's signed visitor lists nothing in A's widget",
      run: async () => {
        expect((await visitor.widget.conversations(await bInA())).items).toEqual([]);
      },
    },
    'widget.conversation': {
      kind: 'takes-id',
      why: "B's ticket id is not found through A's widget, even for A's own verified visitor",
      run: async () => {
        const { vA, vB } = await worlds();
        await expect(
          visitor.widget.conversation({ workspace: sides().A.ws.slug, identity: vA.identity, ticketId: vB.ticketId }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      },
    },
    'widget.reply': {
      kind: 'takes-id',
      why: "a reply to B's ticket through A's widget is not found and adds nothing to it",
      run: async () => {
        const { vA, vB } = await worlds();
        await expect(
          visitor.widget.reply({
            workspace: sides().A.ws.slug,
            identity: vA.identity,
            ticketId: vB.ticketId,
            body: 'crossing',
          }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
        const [row] = await runInTenant(sides().B.ws.id, ({ db }) =>
          db.select({ count: tickets.messageCount }).from(tickets).where(eq(tickets.id, vB.ticketId)),
        );
        expect(row!.count).toBe(1);
      },
    },
    'widget.survey': {
      kind: 'takes-id',
      why: "B's ticket's survey is not found through A's widget, even for A's own verified visitor",
      run: async () => {
        const { vA, vB } = await worlds();
        await expect(
          visitor.widget.survey({ workspace: sides().A.ws.slug, identity: vA.identity, ticketId: vB.ticketId }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      },
    },
    'widget.rate': {
      kind: 'takes-id',
      why: "a rating of B's ticket through A's widget is not found and leaves B's ticket without a survey",
      run: async () => {
        const { vA, vB } = await worlds();
        await expect(
          visitor.widget.rate({
            workspace: sides().A.ws.slug,
            identity: vA.identity,
            ticketId: vB.ticketId,
            response: { rating: 1 },
          }),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
        const surveys = await runInTenant(sides().B.ws.id, ({ db }) =>
          db.select().from(csatSurveys).where(eq(csatSurveys.ticketId, vB.ticketId)),
        );
        expect(surveys).toEqual([]);
      },
    },
    'widget.events': {
      kind: 'scoped',
      why: "B's signed visitor gets no stream from A's widget",
      run: async () => {
        const stream = (await visitor.widget.events(await bInA())) as AsyncIterable<unknown>;
        const received: unknown[] = [];
        for await (const event of stream) received.push(event);
        expect(received).toEqual([]);
      },
    },
    'widgetSettings.get': {
      kind: 'scoped',
      why: "A's owner reads A's widget settings, never B's",
      run: async () => {
        await worlds();
        expect((await sides().asA.widgetSettings.get()).allowedOrigins).toEqual(['https://a-host.test']);
      },
    },
    'widgetSettings.update': {
      kind: 'scoped',
      why: "A's owner saving settings leaves B's row as it was (re-read in B)",
      run: async () => {
        await worlds();
        const before = await bSettings();
        const current = await sides().asA.widgetSettings.get();
        await sides().asA.widgetSettings.update({
          allowedOrigins: ['https://a-host.test'],
          position: 'bottom-left',
          color: current.color,
          greeting: current.greeting,
          articlesEnabled: current.articlesEnabled,
          contactFormEnabled: current.contactFormEnabled,
          conversationsEnabled: current.conversationsEnabled,
          requireVerifiedIdentity: current.requireVerifiedIdentity,
        });
        expect(await bSettings()).toEqual(before);
      },
    },
    'widgetSettings.rotateSecret': {
      kind: 'scoped',
      why: "A's rotation leaves B's secret verifying B's visitors",
      run: async () => {
        const { vB } = await worlds();
        const before = await bSettings();
        await sides().asA.widgetSettings.rotateSecret();
        const after = await bSettings();
        expect(after.secret).toBe(before.secret);
        expect(signWidgetUserId(after.secret!, vB.identity.id)).toBe(vB.identity.signature);
      },
    },
    'widgetSettings.endRotation': {
      kind: 'scoped',
      why: "ending A's rotation leaves B's secrets as they were",
      run: async () => {
        await worlds();
        await sides().asA.widgetSettings.rotateSecret();
        const before = await bSettings();
        await sides().asA.widgetSettings.endRotation();
        expect(await bSettings()).toEqual(before);
      },
    },
  };
}
