import { useEffect, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import type { PaymentSetup } from '../api/types';
import { ErrorNote } from '../ui/ErrorNote';
import { Loading } from '../ui/Loading';
import { confirmAtStandIn, TEST_CARDS, type StartedPayment } from './payment';
import { usePaymentSetup } from './queries';

/** Pays an order waiting for payment; the order page then hears PAID from the order's events. */
export function PaymentPanel({ payment }: { payment: StartedPayment }) {
  const setup = usePaymentSetup();
  if (setup.isPending) {
    return <Loading what="Preparing the payment" />;
  }
  if (!setup.data) {
    return <ErrorNote error={setup.error} retry={() => setup.refetch()} />;
  }
  return setup.data.standInApiBase ? (
    <StandInPayment setup={setup.data} payment={payment} />
  ) : (
    <StripePayment payment={payment} publishableKey={payment.publishableKey || setup.data.publishableKey || ''} />
  );
}

function StandInPayment({ setup, payment }: { setup: PaymentSetup; payment: StartedPayment }) {
  const [card, setCard] = useState<string>(TEST_CARDS[0].id);
  const pay = useMutation({ mutationFn: () => confirmAtStandIn(setup, payment, card) });
  const outcome = pay.data;
  if (outcome && 'status' in outcome && outcome.status === 'succeeded') {
    return (
      <p className="note" role="status">
        Payment accepted. Waiting for the shop to confirm it…
      </p>
    );
  }
  return (
    <form
      className="payment"
      onSubmit={(event) => {
        event.preventDefault();
        pay.mutate();
      }}
    >
      <fieldset>
        <legend>Pay with a test card (Stripe test mode)</legend>
        {TEST_CARDS.map((option) => (
          <label key={option.id} className="radio">
            <input
              type="radio"
              name="card"
              value={option.id}
              checked={card === option.id}
              onChange={() => setCard(option.id)}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {outcome && 'declined' in outcome && (
        <p className="error-note" role="alert">
          {outcome.declined}
        </p>
      )}
      {pay.error && (
        <p className="error-note" role="alert">
          We couldn’t reach the payment provider. Please try again.
        </p>
      )}
      <button type="submit" className="primary wide" disabled={pay.isPending}>
        {pay.isPending ? 'Paying…' : 'Pay now'}
      </button>
    </form>
  );
}

/** Stripe's Payment Element (loaded only when paying, so the shop's first page stays small). */
function StripePayment({ payment, publishableKey }: { payment: StartedPayment; publishableKey: string }) {
  const mount = useRef<HTMLDivElement>(null);
  const [confirm, setConfirm] = useState<(() => Promise<string | undefined>) | null>(null);
  const [message, setMessage] = useState<string>();
  const { clientSecret } = payment;
  useEffect(() => {
    let cancelled = false;
    let element: { destroy(): void } | undefined;
    import('@stripe/stripe-js').then(async ({ loadStripe }) => {
      const stripe = await loadStripe(publishableKey);
      if (!stripe || cancelled || !mount.current) {
        return;
      }
      const elements = stripe.elements({ clientSecret });
      const paymentElement = elements.create('payment');
      paymentElement.mount(mount.current);
      element = paymentElement;
      setConfirm(() => async () => {
        const result = await stripe.confirmPayment({
          elements,
          redirect: 'if_required',
          confirmParams: { return_url: window.location.href },
        });
        return result.error?.message;
      });
    });
    return () => {
      cancelled = true;
      element?.destroy();
    };
  }, [clientSecret, publishableKey]);
  return (
    <form
      className="payment"
      onSubmit={async (event) => {
        event.preventDefault();
        setMessage((await confirm?.()) ?? 'Payment sent. Waiting for the shop to confirm it…');
      }}
    >
      <div ref={mount} />
      {message && <p role="status">{message}</p>}
      <button type="submit" className="primary wide" disabled={!confirm}>
        Pay now
      </button>
    </form>
  );
}
