import { describe, expect, it } from 'vitest';
import { RESERVED_SLUGS } from '@/lib/constants/workspace';
import { requestPortalLinkInput } from '@/lib/validators/customer';
import { reportRangeInput } from '@/lib/validators/reports';
import {
  createInvitationInput,
  domainName,
  emailField,
  signUpInput,
  updateWorkspaceInput,
  workspaceSlug,
} from '@/lib/validators/workspace';

const firstMessage = (result: { success: boolean; error?: { issues: Array<{ message: string }> } }) =>
  result.error?.issues[0]?.message;

describe('workspace slug', () => {
  it('normalises case and surrounding space', () => {
    expect(workspaceSlug.parse('  Acme-Support ')).toBe('acme-support');
  });

  it.each(['abc', 'a1b', 'acme-support-2', 'x'.repeat(40), '123'])('accepts %s', (slug) => {
    expect(workspaceSlug.safeParse(slug).success).toBe(true);
  });

  it.each([
    ['ab', 'at least 3 characters'],
    ['x'.repeat(41), 'at most 40 characters'],
    ['-acme', 'starting and ending with a letter or digit'],
    ['acme-', 'starting and ending with a letter or digit'],
    ['ac_me', 'lowercase letters, digits and dashes'],
    ['ac me', 'lowercase letters, digits and dashes'],
    ['acmé', 'lowercase letters, digits and dashes'],
    ['acme/portal', 'lowercase letters, digits and dashes'],
  ])('refuses %j, saying it needs %s', (slug, message) => {
    expect(firstMessage(workspaceSlug.safeParse(slug))).toContain(message);
  });

  it.each(RESERVED_SLUGS.filter((s) => s.length >= 3 && /^[a-z0-9]/.test(s)))(
    'refuses the reserved slug %s',
    (slug) => {
      expect(firstMessage(workspaceSlug.safeParse(slug))).toBe('That address is reserved; choose another.');
      expect(workspaceSlug.safeParse(slug.toUpperCase()).success).toBe(false);
    },
  );

  it('refuses every reserved slug, including those other rules catch first', () => {
    for (const slug of RESERVED_SLUGS) expect(workspaceSlug.safeParse(slug).success, slug).toBe(false);
  });
});

describe('sign-up input', () => {
  const valid = {
    name: 'Ada',
    email: 'Ada@Example.COM ',
    password: 'long enough password',
    workspaceName: 'Ada Co',
    workspaceSlug: 'ada-co',
  };

  it('normalises the email address', () => {
    expect(signUpInput.parse(valid).email).toBe('ada@example.com');
  });

  it('refuses unknown keys, so a client cannot smuggle a role or tenant id', () => {
    expect(signUpInput.safeParse({ ...valid, role: 'owner' }).success).toBe(false);
    expect(signUpInput.safeParse({ ...valid, tenantId: '00000000-0000-0000-0000-000000000000' }).success).toBe(false);
  });

  it('explains short passwords and bad emails', () => {
    expect(firstMessage(signUpInput.safeParse({ ...valid, password: 'short' }))).toBe(
      'Use at least 10 characters for the password.',
    );
    expect(firstMessage(emailField.safeParse('nobody'))).toBe('Enter a valid email address, like name@example.com.');
  });
});

describe('other inputs', () => {
  it('never lets an invitation grant ownership', () => {
    expect(createInvitationInput.safeParse({ email: 'a@example.com', role: 'owner' }).success).toBe(false);
    expect(createInvitationInput.safeParse({ email: 'a@example.com', role: 'admin' }).success).toBe(true);
  });

  it.each(['help.example.com', 'Support.Example.co.uk'])('accepts the host name %s', (host) => {
    expect(domainName.safeParse(host).success).toBe(true);
  });

  it.each(['https://help.example.com', 'help.example.com/path', 'localhost', '-bad.example.com', 'a.b'])(
    'refuses %s as a host name',
    (host) => {
      expect(domainName.safeParse(host).success).toBe(false);
    },
  );

  it('only takes https logos and #rrggbb colours for branding', () => {
    expect(updateWorkspaceInput.safeParse({ branding: { logoUrl: 'http://example.com/logo.png' } }).success).toBe(
      false,
    );
    expect(updateWorkspaceInput.safeParse({ branding: { logoUrl: 'javascript:alert(1)' } }).success).toBe(false);
    expect(updateWorkspaceInput.safeParse({ branding: { primaryColor: 'red;background:url(x)' } }).success).toBe(false);
    expect(
      updateWorkspaceInput.safeParse({ branding: { logoUrl: 'https://example.com/logo.png', primaryColor: '#0F766E' } })
        .success,
    ).toBe(true);
  });

  it('lower-cases the portal workspace and email', () => {
    expect(requestPortalLinkInput.parse({ workspace: ' ACME ', email: 'Casey@Example.com' })).toEqual({
      workspace: 'acme',
      email: 'casey@example.com',
    });
  });
});

describe('report filters', () => {
  const range = { from: '2026-04-06', to: '2026-04-12' };

  it('takes one trimmed value per dimension, any combination', () => {
    expect(reportRangeInput.parse({ ...range, filters: { team: ' t1 ', channel: 'email', tag: 'vip' } })).toEqual({
      ...range,
      filters: { team: 't1', channel: 'email', tag: 'vip' },
    });
    expect(reportRangeInput.parse({ ...range, filters: {} })).toEqual({ ...range, filters: {} });
  });

  it.each([
    [{ colour: 'red' }, 'Filter by team, agent, channel, priority, category, tag only; "colour" is not one of them.'],
    [{ team: '   ' }, 'A filter needs a value; remove the filter instead of leaving it empty.'],
    [{ tag: 'x'.repeat(201) }, 'A filter value is at most 200 characters.'],
  ])('refuses %j with a message saying what to do', (filters, message) => {
    expect(firstMessage(reportRangeInput.safeParse({ ...range, filters }))).toBe(message);
  });
});
