import { useQuery } from '@tanstack/react-query';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { shopApi, unwrap } from '../api/client';
import { ApiError } from '../api/problem';
import { fakeApi, renderWithQueries } from '../testing';
import { ErrorNote } from './ErrorNote';

function Stores() {
  const stores = useQuery({ queryKey: ['stores'], queryFn: () => unwrap(shopApi.GET('/api/v1/stores')) });
  return (
    <>
      <ErrorNote error={stores.error} retry={() => stores.refetch()} />
      {stores.data?.map((store) => (
        <p key={store.id}>{store.name}</p>
      ))}
    </>
  );
}

describe('errors', () => {
  it('are announced as a sentence, with a retry button when given one', () => {
    const retry = vi.fn();
    render(<ErrorNote error={new ApiError(503, { type: 'urn:commerce:problem:grid-unavailable' })} retry={retry} />);

    expect(screen.getByRole('alert').textContent).toContain('The shop is busy right now.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again now' }));
    expect(retry).toHaveBeenCalledOnce();
  });

  it('a busy grid (503) is retried and the page shows the answer, not an error', async () => {
    const busy = { status: 503, body: { type: 'urn:commerce:problem:grid-unavailable', status: 503 } };
    const sent = fakeApi({
      'GET /api/v1/stores': [busy, busy, { body: [{ id: 'berlin-mitte', name: 'Berlin Mitte' }] }],
    });
    renderWithQueries(<Stores />);

    expect(await screen.findByText('Berlin Mitte')).toBeTruthy();
    expect(sent).toHaveLength(3);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a grid that stays down shows the sentence and a way to try again, not a blank page', async () => {
    fakeApi({ 'GET /api/v1/stores': { status: 503, body: { status: 503 } } });
    renderWithQueries(<Stores />);

    expect((await screen.findByRole('alert', {}, { timeout: 3000 })).textContent).toContain(
      'The shop is busy right now.',
    );
    expect(screen.getByRole('button', { name: 'Try again now' })).toBeTruthy();
  });

  it('a refusal is shown at once, without retrying', async () => {
    const sent = fakeApi({ 'GET /api/v1/stores': { status: 429, body: { status: 429 } } });
    renderWithQueries(<Stores />);

    expect((await screen.findByRole('alert')).textContent).toContain('Too many requests. Please wait a moment.');
    expect(sent).toHaveLength(1);
  });

  it('a missing thing can be named', () => {
    render(<ErrorNote error={new ApiError(404, {})} notFound="We couldn’t find this order." />);
    expect(screen.getByRole('alert').textContent).toBe('We couldn’t find this order.');
  });
});
