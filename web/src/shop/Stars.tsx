/** An average rating with its count, e.g. "★ 4.5 (12 reviews)"; nothing when there is none. */
export function Stars({ rating }: { rating?: { average?: number; count?: number } }) {
  if (!rating?.count) {
    return <span className="muted small">No reviews yet</span>;
  }
  return (
    <span className="stars" aria-label={`Rated ${rating.average} out of 5 from ${rating.count} reviews`}>
      ★ {rating.average?.toFixed(1)} <span className="muted">({rating.count})</span>
    </span>
  );
}
