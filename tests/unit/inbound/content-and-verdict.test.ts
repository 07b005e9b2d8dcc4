import { describe, expect, it } from 'vitest';
import { displayText, safeBaseName, ticketSubject } from '@/server/services/inbound/mail-content';
import { senderVerdict } from '@/server/services/inbound/sender-verdict';

describe('displayText', () => {
  it('prefers the text part and keeps quoted history and lines with ":" or ">"', () => {
    const text = 'Thanks!\nNote: 3 > 2\n\nOn Mon, Bob wrote:\n> old text\n';
    expect(displayText({ text, html: '<p>ignored</p>' })).toBe(text.trim());
  });

  it('reduces HTML to text through the sanitizer: no tag or script survives', () => {
    const body = displayText({
      html: '<p>Hello <b>there</b> &amp; bye</p><script>alert(1)</script><img src=x onerror=alert(2)>',
    });
    expect(body).toBe('Hello there & bye');
  });

  it('is empty when there is nothing to show', () => {
    expect(displayText({ text: '  ', html: false })).toBe('');
  });
});

describe('ticketSubject and safeBaseName', () => {
  it('makes a one-line subject of 3 to 200 characters', () => {
    expect(ticketSubject('  Printer\r\n  broken ')).toBe('Printer broken');
    expect(ticketSubject('')).toBe('(no subject)');
    expect(ticketSubject('x'.repeat(300))).toHaveLength(200);
  });

  it('keeps the base name only, without markup or control characters', () => {
    expect(safeBaseName('..\\..\\windows/system32/<script>evil.pdf')).toBe('evil.pdf');
    expect(safeBaseName('/etc/passwd')).toBe('passwd');
    expect(safeBaseName('../../etc/<b>notes</b>.txt')).toBe('notes.txt');
    expect(safeBaseName('a<b.txt')).toBe('ab.txt');
    expect(safeBaseName('...hidden\u0000.txt')).toBe('hidden.txt');
    expect(safeBaseName(undefined)).toBe('attachment');
  });
});

describe('senderVerdict', () => {
  it('quarantines only a DMARC fail', () => {
    expect(senderVerdict({ dmarc: { status: { result: 'fail' } } }).quarantine).toBe(true);
    for (const result of ['pass', 'none', 'temperror', 'permerror'])
      expect(senderVerdict({ dmarc: { status: { result } } }).quarantine).toBe(false);
    expect(senderVerdict({ dmarc: false }).quarantine).toBe(false);
    expect(senderVerdict(null).quarantine).toBe(false);
  });
});
