const formats = new Map<string, Intl.NumberFormat>();

/** 499 EUR → "€4.99" (in the browser's language); a missing amount shows as a dash. */
export function formatMoney(money: { amount?: number; currency?: string } | undefined | null): string {
  if (!money || money.amount === undefined || !money.currency) {
    return '–';
  }
  let format = formats.get(money.currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency });
    formats.set(money.currency, format);
  }
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amount / 10 ** digits);
}

export function isZero(money: { amount?: number } | undefined | null): boolean {
  return !money || money.amount === 0;
}

/** A VAT rate in basis points as a percentage: 700 → "7%". */
export function formatRate(basisPoints: number | undefined): string {
  if (basisPoints === undefined) {
    return '';
  }
  return `${(basisPoints / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })}%`;
}
