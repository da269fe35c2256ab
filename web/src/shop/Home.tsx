import { Link } from 'wouter';
import { ErrorNote } from '../ui/ErrorNote';
import { Loading } from '../ui/Loading';
import { delivery } from './delivery';
import { DeliveryPicker } from './DeliveryPicker';
import { useCategories } from './queries';

export function Home() {
  const categories = useCategories();
  const point = delivery.use();
  return (
    <div className="home">
      <h1>Groceries in minutes</h1>
      {!point && <DeliveryPicker />}
      <section aria-labelledby="categories-title">
        <h2 id="categories-title">Aisles</h2>
        <ErrorNote error={categories.error} retry={() => categories.refetch()} />
        {categories.isPending && <Loading what="Loading the aisles" />}
        <ul className="categories">
          {categories.data?.map((category) => (
            <li key={category.value}>
              <Link href={`/search?category=${encodeURIComponent(category.value ?? '')}`} className="category">
                <span>{category.value}</span>
                <span className="muted">{category.count} products</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
