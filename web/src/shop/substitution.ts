import type { Substitution } from '../api/types';

/** What happens to a line that is short at picking, in the shopper's words. */
export function substitutionLabel(substitution: Substitution | undefined): string {
  switch (substitution?.preference) {
    case 'REFUND':
      return 'refund me';
    case 'SPECIFIC':
      return `replace with ${substitution.sku}`;
    default:
      return 'the best match';
  }
}
