import { describe, expect, it } from 'vitest';
import { describeError, errorCode } from '@/lib/trpc/errors';

describe('errorCode (what kind of failure a query or mutation reports)', () => {
  it('reads the tRPC code', () => {
    expect(errorCode({ message: 'Sign in again', data: { code: 'UNAUTHORIZED' } })).toBe('UNAUTHORIZED');
  });

  it.each([[null], [undefined], [new Error('network down')], [{ data: null }]])('is undefined for %o', (error) => {
    expect(errorCode(error)).toBeUndefined();
  });
});

describe('describeError', () => {
  it('shows the first field message of a rejected input', () => {
    const error = {
      message: 'Invalid input',
      data: { code: 'BAD_REQUEST', fieldErrors: { email: ['Enter an email'] } },
    };
    expect(describeError(error).message).toBe('Enter an email');
  });

  it('falls back to a generic message', () => {
    expect(describeError(null).message).toBe('Something went wrong. Try again.');
  });
});
