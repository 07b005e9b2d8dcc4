import { describe, expect, it } from 'vitest';
import {
  automaticMailReason,
  bouncedMessageId,
  deliveryStatusOf,
  isDeliveryReport,
} from '@/server/services/inbound/classify-mail';

const headers = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k.toLowerCase(), [v]] as const));

describe('automaticMailReason', () => {
  it("treats a person's mail (and Auto-Submitted: no) as not automatic", () => {
    expect(automaticMailReason(headers({ subject: 'Help' }))).toBeNull();
    expect(automaticMailReason(headers({ 'auto-submitted': 'no' }))).toBeNull();
    expect(automaticMailReason(headers({ precedence: 'first-class' }))).toBeNull();
  });

  it.each([
    [{ 'auto-submitted': 'auto-replied' }, 'Auto-Submitted: auto-replied'],
    [{ 'auto-submitted': 'auto-generated; owner-email=x@y' }, 'Auto-Submitted'],
    [{ precedence: 'Bulk' }, 'Precedence: bulk'],
    [{ precedence: 'junk' }, 'Precedence: junk'],
    [{ precedence: 'list' }, 'Precedence: list'],
    [{ precedence: 'auto_reply' }, 'Precedence: auto_reply'],
    [{ 'x-autoreply': 'yes' }, 'x-autoreply'],
    [{ 'x-auto-response-suppress': 'All' }, 'x-auto-response-suppress'],
    [{ 'list-id': '<news.example.org>' }, 'list-id'],
    [{ 'list-unsubscribe': '<mailto:u@x>' }, 'list-unsubscribe'],
  ])('recognises %o', (entries, reason) => {
    expect(automaticMailReason(headers(entries))).toContain(reason);
  });
});

describe('isDeliveryReport', () => {
  it('is true only for a top-level multipart/report with report-type=delivery-status', () => {
    expect(
      isDeliveryReport(headers({ 'content-type': 'multipart/report; report-type=delivery-status; boundary="b1"' })),
    ).toBe(true);
    expect(isDeliveryReport(headers({ 'content-type': 'multipart/report; report-type="delivery-status"' }))).toBe(true);
    expect(
      isDeliveryReport(headers({ 'content-type': 'multipart/report; report-type=disposition-notification' })),
    ).toBe(false);
    expect(isDeliveryReport(headers({ 'content-type': 'multipart/mixed; boundary=x' }))).toBe(false);
    expect(isDeliveryReport(headers({}))).toBe(false);
  });
});

describe('bounce details', () => {
  const report =
    'Reporting-MTA: dns; mx.example.org\nFinal-Recipient: rfc822; gone@example.org\nAction: failed\nStatus: 5.1.1\n\nMessage-ID: <our-1@acme.test>\n';

  it('finds the bounced Message-ID in the returned headers, else in In-Reply-To', () => {
    expect(bouncedMessageId(report, headers({}))).toBe('<our-1@acme.test>');
    expect(bouncedMessageId('Original-Message-ID: <o@x>', headers({}))).toBe('<o@x>');
    expect(bouncedMessageId('nothing', headers({ 'in-reply-to': '<irt@x>' }))).toBe('<irt@x>');
    expect(bouncedMessageId('nothing', headers({}))).toBeNull();
  });

  it('reads the status code and whether the failure is permanent', () => {
    expect(deliveryStatusOf(report)).toEqual({ status: '5.1.1', permanent: true });
    expect(deliveryStatusOf('Status: 4.4.7')).toEqual({ status: '4.4.7', permanent: false });
    expect(deliveryStatusOf('no status')).toEqual({ status: null, permanent: false });
  });
});
