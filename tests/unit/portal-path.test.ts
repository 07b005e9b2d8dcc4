import { describe, expect, it } from 'vitest';
import { safePortalPath } from '@/lib/constants/portal';

describe('safePortalPath (where a portal sign-in link may lead)', () => {
  it('keeps a path inside the same workspace portal', () => {
    expect(safePortalPath('acme', '/acme/portal/tickets/42')).toBe('/acme/portal/tickets/42');
  });

  it.each([
    [undefined],
    ['https://evil.example/acme/portal/x'],
    ['//evil.example'],
    ['/acme/portal//evil.example'],
    ['/other/portal/tickets'],
    ['/acme/portalx'],
    ['/acme/admin'],
  ])('sends %j to the portal home instead', (next) => {
    expect(safePortalPath('acme', next)).toBe('/acme/portal');
  });
});
