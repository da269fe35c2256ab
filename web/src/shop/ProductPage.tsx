import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { shopApi, unwrap } from '../api/client';
import { formatMoney, formatRate } from '../money';
import { ErrorNote } from '../ui/ErrorNote';
import { Loading } from '../ui/Loading';
import { AddToCart, Availability } from './AddToCart';
import { delivery } from './delivery';
import { useProduct, useReviews } from './queries';
import { Stars } from './Stars';

export function ProductPage({ sku }: { sku: string }) {
  const point = delivery.use();
  const product = useProduct(sku, point?.storeId);
  const reviews = useReviews(sku);
  if (product.isPending) {
    return <Loading what="Loading the product" />;
  }
  if (!product.data) {
    return <ErrorNote error={product.error} retry={() => product.refetch()} />;
  }
  const p = product.data;
  const name = p.name ?? sku;
  return (
    <article className="product-page">
      <img src={p.imageUrl} alt={name} width={320} height={320} />
      <div className="product-facts">
        <h1>{name}</h1>
        <p className="muted">
          {p.brand} · {p.category}
        </p>
        <Stars rating={p.rating} />
        <p className="price big">{formatMoney(p.price)}</p>
        <p className="muted small">
          {p.taxRateBasisPoints !== undefined ? `Includes ${formatRate(p.taxRateBasisPoints)} VAT` : 'Includes VAT'}
        </p>
        {point ? (
          <Availability available={p.available} />
        ) : (
          <p className="note">Choose a delivery address to see stock.</p>
        )}
        <AddToCart sku={sku} name={name} available={p.available} />
        {p.description && <p>{p.description}</p>}
        {p.attributes && Object.keys(p.attributes).length > 0 && (
          <dl className="attributes">
            {Object.entries(p.attributes).map(([key, value]) => (
              <div key={key}>
                <dt>{key}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <section className="reviews" aria-labelledby="reviews-title">
        <h2 id="reviews-title">Reviews</h2>
        <ErrorNote error={reviews.error} retry={() => reviews.refetch()} />
        {reviews.data && (
          <>
            <Stars rating={reviews.data.rating} />
            <ul>
              {reviews.data.items?.map((review) => (
                <li key={review.id} className="review">
                  <strong>{'★'.repeat(review.rating ?? 0)}</strong> {review.title}
                  <p>{review.text}</p>
                  <span className="muted small">
                    {review.author}, {review.createdAt && new Date(review.createdAt).toLocaleDateString()}
                  </span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </article>
  );
}

/** A review of a delivered product, by the shopper who received it. */
export function ReviewForm({ sku, name }: { sku: string; name: string }) {
  const client = useQueryClient();
  const [rating, setRating] = useState(5);
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const post = useMutation({
    mutationFn: () =>
      unwrap(
        shopApi.POST('/api/v1/products/{sku}/reviews', { params: { path: { sku } }, body: { rating, title, text } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reviews', sku] }),
  });
  if (post.isSuccess) {
    return <p role="status">Thank you for reviewing {name}.</p>;
  }
  return (
    <form
      className="review-form"
      onSubmit={(event) => {
        event.preventDefault();
        post.mutate();
      }}
    >
      <fieldset>
        <legend>Review {name}</legend>
        <label>
          Stars
          <select value={rating} onChange={(e) => setRating(Number(e.target.value))}>
            {[5, 4, 3, 2, 1].map((stars) => (
              <option key={stars} value={stars}>
                {stars}
              </option>
            ))}
          </select>
        </label>
        <label>
          Title
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} />
        </label>
        <label>
          Your review
          <textarea value={text} onChange={(e) => setText(e.target.value)} maxLength={2000} rows={3} />
        </label>
        <button type="submit" className="secondary" disabled={post.isPending}>
          Post review
        </button>
        <ErrorNote error={post.error} />
      </fieldset>
    </form>
  );
}
