import { beforeAll, describe, expect, it } from 'vitest';
import { GET as downloadAttachment } from '@/app/api/attachments/[attachmentId]/route';
import { env } from '@/lib/env';
import { createTestCustomer, createWorkspace, type TestWorkspace } from '../helpers/factories';
import { portalCookieHeader } from '../helpers/portal-cookie';
import { createTestTicket, uploadTestAttachment } from '../helpers/ticket-factories';

// Hole 12: a session from one ticket's signed email link downloaded the files of the customer's other
// tickets. The download must ask the same question as the ticket page: this ticket, and only it.

let ws: TestWorkspace;
let customerId: string;
let linked: { ticketId: string; fileId: string };
let other: { ticketId: string; fileId: string };

async function ticketWithFile(workspaceId: string, requesterId: string) {
  const file = await uploadTestAttachment(workspaceId, { type: 'customer', customerId: requesterId });
  const ticket = await createTestTicket(workspaceId, { requesterId, attachmentIds: [file.id] });
  return { ticketId: ticket.id, fileId: file.id };
}

async function download(fileId: string, cookie: string) {
  const req = new Request(`${env.APP_URL}/api/attachments/${fileId}?portal=${ws.slug}`, { headers: { cookie } });
  return downloadAttachment(req, { params: Promise.resolve({ attachmentId: fileId }) });
}

beforeAll(async () => {
  ws = await createWorkspace();
  customerId = (await createTestCustomer(ws.id)).id;
  linked = await ticketWithFile(ws.id, customerId);
  other = await ticketWithFile(ws.id, customerId);
});

describe('attachment downloads with a ticket link session', () => {
  it("serves the linked ticket's file", async () => {
    const cookie = await portalCookieHeader(ws.slug, { tenantId: ws.id, customerId, ticketId: linked.ticketId });
    const res = await download(linked.fileId, cookie);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
  });

  it("answers 404 for a file of the same customer's other ticket", async () => {
    const cookie = await portalCookieHeader(ws.slug, { tenantId: ws.id, customerId, ticketId: linked.ticketId });
    const res = await download(other.fileId, cookie);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: expect.stringContaining('not found') });
  });

  it('still serves every own ticket to a full portal session', async () => {
    const cookie = await portalCookieHeader(ws.slug, { tenantId: ws.id, customerId });
    expect((await download(linked.fileId, cookie)).status).toBe(200);
    expect((await download(other.fileId, cookie)).status).toBe(200);
  });
});
