import { describe, expect, it } from 'vitest';
import { MACRO_PLACEHOLDERS, renderMacroTemplate } from '@/lib/utils/macro-template';

const values = {
  'ticket.number': 'SUP-2026-00000042',
  'ticket.subject': 'Printer on fire',
  'ticket.status': 'Pending',
  'ticket.priority': 'High',
  'requester.name': 'Dana R',
  'requester.email': 'dana.r@example.test',
  'customer.name': 'Dana',
  'customer.email': 'dana@example.test',
  'agent.name': 'Alex',
  'agent.email': 'alex@example.test',
  'workspace.name': 'Acme',
};

describe('renderMacroTemplate', () => {
  it('replaces every known placeholder', () => {
    const template = MACRO_PLACEHOLDERS.map((p) => `{{${p}}}`).join('|');
    expect(renderMacroTemplate(template, values)).toBe(Object.values(values).join('|'));
  });

  it('allows spaces inside the braces', () => {
    expect(renderMacroTemplate('Hi {{ customer.name }}, re {{  ticket.number}}', values)).toBe(
      'Hi Dana, re SUP-2026-00000042',
    );
  });

  it('leaves unknown placeholders exactly as written', () => {
    expect(renderMacroTemplate('Hi {{customer.nickname}} {{ foo }} {{ticket}}', values)).toBe(
      'Hi {{customer.nickname}} {{ foo }} {{ticket}}',
    );
  });

  it('renders a missing value as empty text', () => {
    expect(renderMacroTemplate('Hi {{customer.name}}!', { ...values, 'customer.name': null })).toBe('Hi !');
  });

  it('does not expand placeholders inside values (one pass only)', () => {
    expect(
      renderMacroTemplate('Re: {{ticket.subject}}', { ...values, 'ticket.subject': '{{agent.name}} is rude' }),
    ).toBe('Re: {{agent.name}} is rude');
  });

  it('leaves text without placeholders and unbalanced braces alone', () => {
    expect(renderMacroTemplate('Plain text { not } {{ unclosed', values)).toBe('Plain text { not } {{ unclosed');
    expect(renderMacroTemplate('', values)).toBe('');
  });

  it('turns line breaks and other control characters in a value into spaces', () => {
    expect(
      renderMacroTemplate('Hi {{customer.name}},\nThanks', {
        ...values,
        'customer.name': 'Dana\r\n\nRefund approved\u0007\u2028!',
      }),
    ).toBe('Hi Dana Refund approved !,\nThanks');
  });

  it('keeps markup in a value as text (the reply is plain text, escaped where it is shown)', () => {
    expect(
      renderMacroTemplate('{{ticket.subject}}', { ...values, 'ticket.subject': '<img src=x onerror=alert(1)>' }),
    ).toBe('<img src=x onerror=alert(1)>');
  });

  it('keeps $ sequences in values literally', () => {
    expect(renderMacroTemplate('{{customer.name}}', { ...values, 'customer.name': "$& $1 $'" })).toBe("$& $1 $'");
  });
});
