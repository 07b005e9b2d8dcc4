import { describe, expect, it } from 'vitest';
import { messageIdsIn, readHeaderBlock, readMessageId } from '@/server/services/inbound/mail-headers';

const raw = (text: string) => Buffer.from(text, 'latin1');

describe('readMessageId', () => {
  it('reads the Message-ID in angle brackets, from the header block only', () => {
    const message = raw(
      'From: a@example.org\r\nMessage-ID:\r\n  <abc.123@example.org>\r\n\r\nMessage-ID: <body@x>\r\n',
    );
    expect(readMessageId(message)).toBe('<abc.123@example.org>');
  });

  it('answers "" without a Message-ID and never throws on garbage', () => {
    expect(readMessageId(raw('no headers at all, just text'))).toBe('');
    expect(readMessageId(new Uint8Array([0, 255, 1, 58, 13, 10, 13, 10]))).toBe('');
    expect(readMessageId(raw('Subject: x\n\nMessage-ID: <late@x>'))).toBe('');
  });

  it('brackets a bare id so it compares with ours', () => {
    expect(readMessageId(raw('Message-Id: bare@example.org\n\nbody'))).toBe('<bare@example.org>');
  });
});

describe('readHeaderBlock', () => {
  it('unfolds continuation lines and keeps repeated headers in order', () => {
    const headers = readHeaderBlock(raw('Received: one\r\n\tcontinued\r\nReceived: two\r\nX-Empty:\r\n\r\nBody: no'));
    expect(headers.get('received')).toEqual(['one continued', 'two']);
    expect(headers.get('x-empty')).toEqual(['']);
    expect(headers.has('body')).toBe(false);
  });
});

describe('messageIdsIn', () => {
  it('lists every id of References, brackets kept', () => {
    expect(messageIdsIn('<a@x> <b@y>\n <c@z>')).toEqual(['<a@x>', '<b@y>', '<c@z>']);
    expect(messageIdsIn(undefined)).toEqual([]);
  });
});
