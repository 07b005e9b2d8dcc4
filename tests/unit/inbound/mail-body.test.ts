import { describe, expect, it } from 'vitest';
import { inlineImageSegments, splitQuotedHistory } from '@/lib/utils/mail-body';

describe('splitQuotedHistory', () => {
  it('folds the Gmail attribution and everything below it', () => {
    const body =
      'Thanks, that fixed it.\n\nOn Mon, 7 Dec 2026 at 10:00, Acme Support <support@acme.test> wrote:\n> Try restarting.\n> Best';
    expect(splitQuotedHistory(body)).toEqual({
      text: 'Thanks, that fixed it.',
      quoted: 'On Mon, 7 Dec 2026 at 10:00, Acme Support <support@acme.test> wrote:\n> Try restarting.\n> Best',
    });
  });

  it('folds an attribution Gmail broke over two lines', () => {
    const body =
      'Still broken.\n\nOn Mon, 7 Dec 2026 at 10:00, Acme Support <support+abc@acme.test>\nwrote:\n> Try again';
    expect(splitQuotedHistory(body).text).toBe('Still broken.');
  });

  it('folds Outlook headers and the Original Message separator', () => {
    const outlook =
      'See below.\n\nFrom: Acme Support <support@acme.test>\nSent: Monday, December 7, 2026 10:00\nTo: Bob\nSubject: Re: printer\n\nTry restarting.';
    expect(splitQuotedHistory(outlook)).toMatchObject({
      text: 'See below.',
      quoted: expect.stringMatching(/^From: Acme/),
    });
    const dashed = 'OK.\n-----Original Message-----\nFrom: x';
    expect(splitQuotedHistory(dashed).text).toBe('OK.');
  });

  it('folds a trailing ">" block only; new lines that merely contain ":" or ">" survive', () => {
    const body = 'Note: it started after the update > yesterday.\nError: E-42\n> quoted line\n>\n> more';
    expect(splitQuotedHistory(body)).toEqual({
      text: 'Note: it started after the update > yesterday.\nError: E-42',
      quoted: '> quoted line\n>\n> more',
    });
    const interleaved = '> you asked\nmy answer\n> you asked again\nanother answer';
    expect(splitQuotedHistory(interleaved)).toEqual({ text: interleaved, quoted: null });
    const from = 'From: the third floor, the printer jams.\nIt is the big one.';
    expect(splitQuotedHistory(from)).toEqual({ text: from, quoted: null });
  });

  it('keeps a body that is all quote (a forward without a note) in full', () => {
    const body = '> only quoted\n> text';
    expect(splitQuotedHistory(body)).toEqual({ text: body, quoted: null });
  });
});

describe('inlineImageSegments', () => {
  const png = { id: 'a1', filename: 'screen.png', contentType: 'image/png', contentId: 'img1@mail' };
  const pdf = { id: 'a2', filename: 'doc.pdf', contentType: 'application/pdf', contentId: 'doc@mail' };

  it('places an inline image where its [cid:] or [image: name] marker stands', () => {
    expect(inlineImageSegments('Before [cid:img1@mail] after', [png])).toEqual([
      { text: 'Before ' },
      { image: png },
      { text: ' after' },
    ]);
    expect(inlineImageSegments('[image: screen.png]\nSee?', [png])).toEqual([{ image: png }, { text: '\nSee?' }]);
  });

  it('leaves markers that name no inline image of this message, or no image, as text', () => {
    const text = 'See [cid:other@mail] and [cid:doc@mail] and [image: x.png]';
    expect(inlineImageSegments(text, [png, pdf])).toEqual([{ text }]);
    expect(inlineImageSegments('[cid:img1@mail]', [{ ...png, contentId: null }])).toEqual([
      { text: '[cid:img1@mail]' },
    ]);
  });
});
