import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Order, OrderEvent } from '../api/types';
import { readSession } from '../api/session';

/**
 * Follows an order live through its Server-Sent Events: each event updates the cached order's status
 * at once (and the order is read again for the rest). EventSource reconnects by itself, sending
 * Last-Event-ID, so nothing is missed after a dropped connection; when the server refuses it (an
 * expired token), it gives up, and the stream is opened again a few seconds later with the current
 * token, the order read again meanwhile.
 */
export function useOrderEvents(orderId: string): { events: OrderEvent[]; connected: boolean } {
  const client = useQueryClient();
  const [events, setEvents] = useState<OrderEvent[]>([]);
  const [connected, setConnected] = useState(false);
  const [opened, setOpened] = useState(0);
  useEffect(() => {
    const session = readSession('shop');
    if (!session) {
      return;
    }
    const url = `/api/v1/orders/${encodeURIComponent(orderId)}/events?access_token=${encodeURIComponent(session.token)}`;
    const stream = new EventSource(url);
    stream.onopen = () => setConnected(true);
    let reopen: ReturnType<typeof setTimeout> | undefined;
    stream.onerror = () => {
      setConnected(false);
      if (stream.readyState === EventSource.CLOSED) {
        client.invalidateQueries({ queryKey: ['order', orderId] });
        reopen = setTimeout(() => setOpened((times) => times + 1), 3000);
      }
    };
    stream.onmessage = (message) => {
      const event: OrderEvent = JSON.parse(message.data);
      setEvents((seen) => (seen.some((e) => e.seq === event.seq) ? seen : [...seen, event]));
      client.setQueryData<Order>(['order', orderId], (order) => (order ? { ...order, status: event.status } : order));
      client.invalidateQueries({ queryKey: ['order', orderId] });
      client.invalidateQueries({ queryKey: ['orders'] });
    };
    return () => {
      clearTimeout(reopen);
      stream.close();
    };
  }, [orderId, client, opened]);
  return { events, connected };
}
