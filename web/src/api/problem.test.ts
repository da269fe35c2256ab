import { describe, expect, it } from 'vitest';
import { ApiError, explain, networkError, retryDelay, shouldRetry } from './problem';

const problem = (status: number, kind: string, extra = {}) =>
  new ApiError(status, { type: `urn:commerce:problem:${kind}`, status, detail: 'technical detail', ...extra });

describe('explain', () => {
  it('turns known problems into sentences without technical detail', () => {
    expect(explain(problem(409, 'insufficient-stock'))).toBe('Some items have just sold out or run low at this store.');
    expect(explain(problem(401, 'bad-credentials'))).toBe('That email and password don’t match an account.');
    expect(explain(problem(409, 'insufficient-stock'))).not.toContain('technical');
  });

  it('keeps the reason a voucher or a cart is refused, as a sentence', () => {
    const refused = new ApiError(409, {
      type: 'urn:commerce:problem:voucher-not-applicable',
      detail: 'this voucher needs a basket of at least 15.00 EUR',
    });
    expect(explain(refused)).toBe(
      'Your voucher doesn’t apply to this order. This voucher needs a basket of at least 15.00 EUR.',
    );
  });

  it('says how long to wait when a rate limit refused the request', () => {
    expect(explain(new ApiError(429, { type: 'urn:commerce:problem:rate-limited' }, 30))).toBe(
      'Too many requests. Please wait about 30 seconds.',
    );
    expect(explain(new ApiError(429, { type: 'urn:commerce:problem:too-many-failed-logins' }, 720))).toBe(
      'Too many failed sign-ins for this account. Please wait about 12 minutes and try again.',
    );
    expect(explain(new ApiError(429, { type: 'urn:commerce:problem:rate-limited' }))).toBe(
      'Too many requests. Please wait a moment.',
    );
  });

  it('names the fields that were wrong', () => {
    const invalid = new ApiError(400, {
      type: 'urn:commerce:problem:invalid-request',
      errors: [
        { field: 'quantity', message: 'must be less than or equal to 99' },
        { field: 'storeId', message: 'must not be blank' },
      ],
    });
    expect(explain(invalid)).toBe('Quantity must be less than or equal to 99. Store id must not be blank.');
  });

  it('says the shop is busy on a 503 and offline without an answer, never a status code', () => {
    expect(explain(problem(503, 'unknown-kind'))).toBe('The shop is busy right now. We’ll try again in a moment.');
    expect(explain(networkError(new TypeError('Failed to fetch')))).toBe('You seem to be offline. We’ll keep trying.');
    expect(explain(new Error('boom'))).toBe('Something went wrong. Please try again.');
    expect(explain(problem(500, 'internal-error'))).not.toMatch(/500/);
  });
});

describe('retries', () => {
  it('retries what is transient a few times, and never an answer', () => {
    expect(shouldRetry(0, problem(503, 'grid-unavailable'))).toBe(true);
    expect(shouldRetry(3, networkError('down'))).toBe(true);
    expect(shouldRetry(4, problem(503, 'grid-unavailable'))).toBe(false);
    expect(shouldRetry(0, problem(409, 'insufficient-stock'))).toBe(false);
    // a checkout still running under the same Idempotency-Key: asked again, under that key
    expect(shouldRetry(0, problem(409, 'request-in-progress'))).toBe(true);
    expect(shouldRetry(0, problem(400, 'invalid-request'))).toBe(false);
    expect(shouldRetry(0, new Error('a bug'))).toBe(false);
  });

  it('waits longer each time, and at least as long as Retry-After asks', () => {
    const busy = problem(503, 'split-brain-protection');
    expect(retryDelay(1, busy)).toBeLessThan(retryDelay(2, busy));
    expect(retryDelay(10, busy)).toBe(8000);
    expect(retryDelay(0, new ApiError(503, {}, 5))).toBe(5000);
  });
});
