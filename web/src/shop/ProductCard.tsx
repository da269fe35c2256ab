import { Link } from 'wouter';
import type { ProductSummary } from '../api/types';
import { formatMoney } from '../money';
import { AddToCart, Availability } from './AddToCart';
import { Stars } from './Stars';

export function ProductCard({ product }: { product: ProductSummary }) {
  const sku = product.sku ?? '';
  const name = product.name ?? sku;
  return (
    <li className="product-card" data-sku={sku}>
      <Link href={`/products/${encodeURIComponent(sku)}`} className="product-link">
        <img src={product.imageUrl} alt="" width={160} height={160} loading="lazy" />
        <span className="name">{name}</span>
      </Link>
      <span className="muted">{product.brand}</span>
      <Stars rating={product.rating} />
      <span className="price">{formatMoney(product.price)}</span>
      <Availability available={product.available} />
      <AddToCart sku={sku} name={name} available={product.available} />
    </li>
  );
}
