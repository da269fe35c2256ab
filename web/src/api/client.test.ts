import { describe, expect, it } from 'vitest';
import { fakeApi } from '../testing';
import { shopApi, unwrap } from './client';
import { ApiError } from './problem';
import { readSession, saveSession } from './session';

describe('unwrap', () => {
  it('answers the body, sending the signed-in shopper’s token', async () => {
    saveSession('shop', { token: 'jwt-1', expiresAt: Date.now() + 60_000, email: 'ada@example.com' });
    const sent = fakeApi({ 'GET /api/v1/cart': { body: { storeId: 'berlin-mitte', lines: [] } } });

    const cart = await unwrap(shopApi.GET('/api/v1/cart'));

    expect(cart.storeId).toBe('berlin-mitte');
    expect(sent[0].headers.get('Authorization')).toBe('Bearer jwt-1');
  });

  it('throws the problem document of a refusal, with its short lines', async () => {
    fakeApi({
      'POST /api/v1/checkout': {
        status: 409,
        body: {
          type: 'urn:commerce:problem:insufficient-stock',
          status: 409,
          shortLines: [{ sku: 'DAI-00000', requested: 2, available: 1 }],
        },
      },
    });

    const failure = await unwrap(shopApi.POST('/api/v1/checkout', { body: {} })).catch((e) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect(failure.kind).toBe('insufficient-stock');
    expect(failure.transient).toBe(false);
    expect(failure.problem.shortLines).toEqual([{ sku: 'DAI-00000', requested: 2, available: 1 }]);
  });

  it('reads Retry-After from a busy grid', async () => {
    fakeApi({ 'GET /api/v1/stores': { status: 503, headers: { 'Retry-After': '5' }, body: { status: 503 } } });

    const failure = await unwrap(shopApi.GET('/api/v1/stores')).catch((e) => e);

    expect(failure.transient).toBe(true);
    expect(failure.retryAfter).toBe(5);
  });

  it('forgets a session the API no longer accepts', async () => {
    saveSession('shop', { token: 'expired', expiresAt: Date.now() + 60_000, email: 'ada@example.com' });
    fakeApi({ 'GET /api/v1/me': { status: 401, body: { status: 401 } } });

    await unwrap(shopApi.GET('/api/v1/me')).catch(() => undefined);

    expect(readSession('shop')).toBeNull();
  });
});
