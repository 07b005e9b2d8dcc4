import { describe, expect, it } from 'vitest';
import { MACRO_PLACEHOLDERS, renderMacroTemplate } from '@/lib/utils/macro-template';

const values = {
  'ticket.number': 'SUP-2026-00000042',
  'ticket.subject': 'Printer on fire',
  'ticket.status': 'Pending',
  'customer.name': 'Dana',
  'customer.email': 'dana@example.test',
  'agent.name': 'Alex',
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

  it('keeps $ sequences in values literally', () => {
    expect(renderMacroTemplate('{{customer.name}}', { ...values, 'customer.name': "$& $1 $'" })).toBe("$& $1 $'");
  });
});
