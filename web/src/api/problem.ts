// The API's errors are problem documents (RFC 9457). An ApiError carries one, and `explain` turns
// it into a sentence a shopper understands.

export type ShortLine = { sku: string; requested: number; available: number };
export type FieldError = { field: string; message: string };

export type Problem = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
  shortLines?: ShortLine[];
  sku?: string;
  requested?: number;
  available?: number;
  orderId?: string;
  retryable?: boolean;
  reason?: string;
};

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  /** Seconds the server asked us to wait (Retry-After), when it said. */
  readonly retryAfter?: number;

  constructor(status: number, problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  /** The problem's kind: `urn:commerce:problem:insufficient-stock` → `insufficient-stock`. */
  get kind(): string {
    const type = this.problem.type ?? '';
    return type.startsWith('urn:commerce:problem:') ? type.slice('urn:commerce:problem:'.length) : type;
  }

  /** The grid or a provider is briefly unavailable: the same request may succeed shortly. */
  get transient(): boolean {
    // a checkout still running under the same Idempotency-Key: asking again shortly gets its answer
    const inProgress = this.kind === 'request-in-progress';
    return inProgress || this.status === 503 || this.status === 502 || this.status === 504 || this.status === 0;
  }
}

/** A failure of the network itself (no answer at all). */
export function networkError(cause: unknown): ApiError {
  return new ApiError(0, {
    title: 'No connection',
    detail: cause instanceof Error ? cause.message : String(cause),
  });
}

const SENTENCES: Record<string, string> = {
  'insufficient-stock': 'Some items have just sold out or run low at this store.',
  'outside-delivery-area': 'This store doesn’t deliver to the address you chose. Pick another delivery point.',
  'voucher-not-applicable': 'Your voucher doesn’t apply to this order.',
  'voucher-unavailable': 'That voucher has been used up.',
  'cart-not-ready': 'Your cart can’t be checked out yet.',
  'promise-exceeded':
    'The store is too busy to deliver this order in time right now. Please try again in a few minutes.',
  'payment-unavailable':
    'We couldn’t reach the payment provider. Your items stay reserved: please try again in a moment.',
  'payment-refused': 'The payment provider refused to start this payment.',
  'bad-credentials': 'That email and password don’t match an account.',
  'email-taken': 'An account with this email already exists. Sign in instead.',
  'not-a-verified-buyer': 'Only shoppers who received this product can review it.',
  'illegal-transition': 'This order can’t be changed that way any more.',
  'stale-count': 'The stock changed since you read it. Reload and count again.',
  'count-below-reserved': 'You can’t count fewer units than are reserved for orders.',
  'request-in-progress': 'We’re still working on your order. One moment…',
  'split-brain-protection': 'The shop is recovering from a network problem. Please try again in a few seconds.',
  'grid-unavailable': 'The shop is busy right now. Please try again in a few seconds.',
  'change-unconfirmed': 'We couldn’t confirm that change. Please try again.',
  'idempotency-key-reused': 'This request was already sent with different contents. Please start again.',
};

/** One sentence for a shopper or a store worker; technical details stay out of it. */
export function explain(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'Something went wrong. Please try again.';
  }
  const known = SENTENCES[error.kind];
  if (error.kind === 'voucher-not-applicable' || error.kind === 'cart-not-ready') {
    return error.problem.detail ? `${known} ${capitalize(error.problem.detail)}.` : known;
  }
  if (known) {
    return known;
  }
  if (error.status === 0) {
    return 'You seem to be offline. We’ll keep trying.';
  }
  if (error.status === 400 && error.problem.errors?.length) {
    return error.problem.errors.map((e) => `${label(e.field)} ${e.message}`).join('. ') + '.';
  }
  if (error.status === 401) {
    return 'Please sign in again.';
  }
  if (error.status === 404) {
    return 'We couldn’t find that.';
  }
  if (error.status === 429) {
    const wait = error.retryAfter ? `about ${waitText(error.retryAfter)}` : 'a moment';
    return error.kind === 'too-many-failed-logins'
      ? `Too many failed sign-ins for this account. Please wait ${wait} and try again.`
      : `Too many requests. Please wait ${wait}.`;
  }
  if (error.transient) {
    return 'The shop is busy right now. We’ll try again in a moment.';
  }
  if (error.status >= 500) {
    return 'Something went wrong on our side. Please try again.';
  }
  return error.problem.detail ? capitalize(error.problem.detail) + '.' : 'That didn’t work.';
}

/** 45 → "45 seconds", 720 → "12 minutes". */
function waitText(seconds: number): string {
  return seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

function capitalize(text: string): string {
  const trimmed = text.replace(/[.\s]+$/, '');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}

function label(field: string): string {
  const words = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * TanStack Query's retry rule: transient failures (503 from a busy grid, no network) are retried a
 * few times with backoff; a 4xx is an answer, not retried.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return error instanceof ApiError && error.transient && failureCount < 4;
}

export function retryDelay(attempt: number, error: unknown): number {
  const asked = error instanceof ApiError && error.retryAfter ? error.retryAfter * 1000 : 0;
  return Math.max(asked, Math.min(8000, 500 * 2 ** attempt));
}
