import { describe, expect, it } from 'vitest';
import { isAppHost, needsDomainLookup, normalizeHost, rewriteForDomain } from '@/lib/utils/domain-rewrite';

const APP = 'cairn.example.com';

describe('normalizeHost', () => {
  it('lower-cases and drops the port and a trailing dot', () => {
    expect(normalizeHost('Help.Acme.COM:8443')).toBe('help.acme.com');
    expect(normalizeHost('help.acme.com.')).toBe('help.acme.com');
  });
  it('keeps IPv6 literals intact', () => {
    expect(normalizeHost('[::1]:3000')).toBe('[::1]');
  });
  it('answers empty for a missing host', () => {
    expect(normalizeHost(undefined)).toBe('');
    expect(normalizeHost(null)).toBe('');
  });
});

describe('isAppHost', () => {
  it('recognises the app host with or without a port', () => {
    expect(isAppHost('cairn.example.com', APP)).toBe(true);
    expect(isAppHost('cairn.example.com:3000', 'cairn.example.com:3000')).toBe(true);
    expect(isAppHost('CAIRN.example.com', APP)).toBe(true);
  });
  it('treats loopback hosts as the app', () => {
    for (const host of ['localhost:3000', '127.0.0.1', '[::1]:3000']) expect(isAppHost(host, APP)).toBe(true);
  });
  it('treats other hosts as candidates for a custom domain', () => {
    expect(isAppHost('help.acme.com', APP)).toBe(false);
    expect(isAppHost('example.com', APP)).toBe(false);
  });
});

describe('rewriteForDomain', () => {
  const rewrite = (pathname: string, host = 'help.acme.com') => rewriteForDomain(host, APP, pathname, 'acme');

  it('serves the help center at the root', () => {
    expect(rewrite('/')).toBe('/acme/help');
  });
  it('prefixes help-center and portal paths with the slug', () => {
    expect(rewrite('/help')).toBe('/acme/help');
    expect(rewrite('/help/articles/reset-password')).toBe('/acme/help/articles/reset-password');
    expect(rewrite('/portal')).toBe('/acme/portal');
    expect(rewrite('/portal/auth')).toBe('/acme/portal/auth');
    expect(rewrite('/portal/tickets/42')).toBe('/acme/portal/tickets/42');
  });
  it('matches whole segments only', () => {
    expect(rewrite('/helpful')).toBeNull();
    expect(rewrite('/portals')).toBeNull();
  });
  it('leaves framework, API and static paths alone', () => {
    expect(rewrite('/_next/static/chunks/main.js')).toBeNull();
    expect(rewrite('/_next/image')).toBeNull();
    expect(rewrite('/api/trpc/portal.me')).toBeNull();
    expect(rewrite('/api')).toBeNull();
    expect(rewrite('/favicon.ico')).toBeNull();
    expect(rewrite('/help/logo.png')).toBeNull();
  });
  it('leaves other app routes alone', () => {
    expect(rewrite('/agent')).toBeNull();
    expect(rewrite('/acme/help')).toBeNull();
  });
  it('never rewrites on the app host or loopback', () => {
    expect(rewrite('/', APP)).toBeNull();
    expect(rewrite('/help', 'localhost:3000')).toBeNull();
    expect(rewrite('/portal', '127.0.0.1:3000')).toBeNull();
  });
  it('needs a slug', () => {
    expect(rewriteForDomain('help.acme.com', APP, '/', '')).toBeNull();
  });
});

describe('needsDomainLookup', () => {
  it('asks only for foreign hosts on paths a custom domain serves', () => {
    expect(needsDomainLookup('help.acme.com', APP, '/')).toBe(true);
    expect(needsDomainLookup('help.acme.com', APP, '/portal/tickets')).toBe(true);
    expect(needsDomainLookup('help.acme.com', APP, '/api/trpc')).toBe(false);
    expect(needsDomainLookup('help.acme.com', APP, '/agent')).toBe(false);
    expect(needsDomainLookup(APP, APP, '/help')).toBe(false);
    expect(needsDomainLookup('localhost:3000', APP, '/')).toBe(false);
  });
});
