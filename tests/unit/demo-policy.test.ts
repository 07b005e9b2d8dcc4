import { describe, expect, it } from 'vitest';
import { demoSeedAllowed } from '@/server/services/workspace/demo-policy';

describe('demoSeedAllowed', () => {
  it('refuses the demo workspace (published passwords) in production unless CAIRN_DEMO=true', () => {
    expect(demoSeedAllowed({ nodeEnv: 'production', demo: undefined })).toBe(false);
    expect(demoSeedAllowed({ nodeEnv: 'production', demo: false })).toBe(false);
    expect(demoSeedAllowed({ nodeEnv: 'production', demo: true })).toBe(true);
  });

  it('keeps the quick start: `npm start` outside production seeds it unless CAIRN_DEMO=false', () => {
    expect(demoSeedAllowed({ nodeEnv: 'development', demo: undefined })).toBe(true);
    expect(demoSeedAllowed({ nodeEnv: 'development', demo: false })).toBe(false);
  });
});
