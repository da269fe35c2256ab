import { useLocation, useSearch as useQueryString } from 'wouter';
import { formatMoney } from '../money';
import { ErrorNote } from '../ui/ErrorNote';
import { Loading } from '../ui/Loading';
import { delivery } from './delivery';
import { ProductCard } from './ProductCard';
import { PAGE_SIZE, useSearch, type SearchParams } from './queries';

/** Price ranges offered as a facet, in minor units. */
export const PRICE_RANGES = [
  { min: undefined, max: 199 },
  { min: 200, max: 499 },
  { min: 500, max: 999 },
  { min: 1000, max: undefined },
] as const;

/** "Under €2.00", "€2.00 to €4.99", "€10.00 and more", in the results' currency. */
export function priceRangeLabel(range: { min?: number; max?: number }, currency: string): string {
  const money = (amount: number) => formatMoney({ amount, currency });
  if (range.min === undefined) {
    return `Under ${money((range.max ?? 0) + 1)}`;
  }
  return range.max === undefined ? `${money(range.min)} and more` : `${money(range.min)} to ${money(range.max)}`;
}

const SORTS = [
  ['relevance', 'Best match'],
  ['price_asc', 'Price: low to high'],
  ['price_desc', 'Price: high to low'],
  ['rating', 'Best rated'],
  ['name', 'Name'],
] as const;

export function readParams(queryString: string): SearchParams {
  const url = new URLSearchParams(queryString);
  const number = (name: string) => (url.get(name) ? Number(url.get(name)) : undefined);
  return {
    q: url.get('q') || undefined,
    category: url.get('category') || undefined,
    brand: url.get('brand') || undefined,
    minPrice: number('minPrice'),
    maxPrice: number('maxPrice'),
    inStock: url.get('inStock') === 'true' || undefined,
    sort: url.get('sort') || undefined,
    page: number('page'),
  };
}

export function writeParams(params: SearchParams): string {
  const url = new URLSearchParams();
  Object.entries(params).forEach(([name, value]) => {
    if (value !== undefined && value !== '' && value !== false) {
      url.set(name, String(value));
    }
  });
  return url.toString();
}

export function SearchPage() {
  const params = readParams(useQueryString());
  const [, navigate] = useLocation();
  const point = delivery.use();
  const search = useSearch(params, point?.storeId);
  const change = (next: Partial<SearchParams>) =>
    navigate(`/search?${writeParams({ ...params, page: undefined, ...next })}`);
  const result = search.data;
  const pages = result ? Math.ceil((result.total ?? 0) / PAGE_SIZE) : 0;
  const page = params.page ?? 0;
  const title = params.q ? `Results for “${params.q}”` : (params.category ?? params.brand ?? 'All products');

  return (
    <div className="search-page">
      <h1>{title}</h1>
      <div className="search-layout">
        <aside className="facets" aria-label="Filters">
          <FacetGroup
            title="Category"
            values={result?.facets?.category}
            chosen={params.category}
            choose={(category) => change({ category })}
          />
          <FacetGroup
            title="Brand"
            values={result?.facets?.brand}
            chosen={params.brand}
            choose={(brand) => change({ brand })}
          />
          <fieldset>
            <legend>Price</legend>
            {PRICE_RANGES.map((range) => {
              const label = priceRangeLabel(range, result?.items?.[0]?.price?.currency ?? 'EUR');
              const chosen = params.minPrice === range.min && params.maxPrice === range.max;
              return (
                <button
                  key={label}
                  type="button"
                  className={chosen ? 'facet chosen' : 'facet'}
                  aria-pressed={chosen}
                  onClick={() =>
                    change(
                      chosen
                        ? { minPrice: undefined, maxPrice: undefined }
                        : { minPrice: range.min, maxPrice: range.max },
                    )
                  }
                >
                  {label}
                </button>
              );
            })}
          </fieldset>
          {point && (
            <label className="checkbox">
              <input
                type="checkbox"
                checked={!!params.inStock}
                onChange={(event) => change({ inStock: event.target.checked || undefined })}
              />
              In stock at {point.storeName}
            </label>
          )}
        </aside>
        <section aria-labelledby="results-heading" className="results">
          <div className="results-bar">
            <h2 id="results-heading" aria-live="polite">
              {result ? `${result.total} ${result.total === 1 ? 'product' : 'products'}` : 'Searching…'}
            </h2>
            <label>
              Sort by{' '}
              <select value={params.sort ?? 'relevance'} onChange={(event) => change({ sort: event.target.value })}>
                {SORTS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {result?.approximate && (result.total ?? 0) > 0 && (
            <p className="note" role="status">
              Nothing matched “{params.q}” exactly: these are close matches.
            </p>
          )}
          {!point && <p className="note">Choose a delivery address to see what’s in stock near you.</p>}
          <ErrorNote error={search.error} retry={() => search.refetch()} />
          {search.isPending && <Loading what="Searching" />}
          {result && result.total === 0 && <p className="empty">No products found. Try fewer or other words.</p>}
          <ul className="product-grid" aria-busy={search.isFetching}>
            {result?.items?.map((product) => (
              <ProductCard key={product.sku} product={product} />
            ))}
          </ul>
          {pages > 1 && (
            <nav className="pager" aria-label="Pages">
              <button type="button" disabled={page === 0} onClick={() => change({ page: page - 1 })}>
                Previous
              </button>
              <span>
                Page {page + 1} of {pages}
              </span>
              <button type="button" disabled={page + 1 >= pages} onClick={() => change({ page: page + 1 })}>
                Next
              </button>
            </nav>
          )}
        </section>
      </div>
    </div>
  );
}

function FacetGroup({
  title,
  values,
  chosen,
  choose,
}: {
  title: string;
  values: { value?: string; count?: number }[] | undefined;
  chosen: string | undefined;
  choose: (value: string | undefined) => void;
}) {
  if (!values?.length) {
    return null;
  }
  return (
    <fieldset>
      <legend>{title}</legend>
      {values.slice(0, 12).map(({ value, count }) => (
        <button
          key={value}
          type="button"
          className={value === chosen ? 'facet chosen' : 'facet'}
          aria-pressed={value === chosen}
          onClick={() => choose(value === chosen ? undefined : value)}
        >
          {value} <span className="muted">({count})</span>
        </button>
      ))}
    </fieldset>
  );
}
