// Paying an order in the browser. In production: Stripe.js's Payment Element with the order's
// client secret. With the project's Stripe stand-in (no network to Stripe here): the same
// confirmation Stripe.js would send, to the stand-in's API, with a test card.
import type { PaymentSetup } from '../api/types';

export type StartedPayment = { intentId: string; clientSecret: string; publishableKey: string };

/** The payment a checkout started, kept for the order page (a reload keeps it too). */
export const startedPayments = {
  save(orderId: string, payment: StartedPayment) {
    sessionStorage.setItem(`commerce.payment.${orderId}`, JSON.stringify(payment));
  },
  read(orderId: string): StartedPayment | null {
    try {
      return JSON.parse(sessionStorage.getItem(`commerce.payment.${orderId}`) ?? 'null');
    } catch {
      return null;
    }
  },
};

export const TEST_CARDS = [
  { id: 'pm_card_visa', label: 'Visa test card (succeeds)' },
  { id: 'pm_card_mastercard', label: 'Mastercard test card (succeeds)' },
  { id: 'pm_card_chargeDeclined', label: 'Test card that is declined' },
] as const;

export type Confirmation = { status: string } | { declined: string };

/** Confirms the intent at the stand-in as Stripe.js would (publishable key + client secret). */
export async function confirmAtStandIn(
  setup: PaymentSetup,
  payment: StartedPayment,
  paymentMethod: string,
): Promise<Confirmation> {
  const body = new URLSearchParams({
    key: payment.publishableKey || setup.publishableKey || '',
    client_secret: payment.clientSecret,
    payment_method: paymentMethod,
  });
  const answer = await fetch(`${setup.standInApiBase}/v1/payment_intents/${payment.intentId}/confirm`, {
    method: 'POST',
    body,
    signal: AbortSignal.timeout(15_000),
  });
  const json = await answer.json();
  if (!answer.ok) {
    const message: string = json?.error?.message ?? 'The payment failed.';
    return { declined: json?.error?.code === 'card_declined' ? 'Your card was declined. Try another card.' : message };
  }
  return { status: json.status };
}
