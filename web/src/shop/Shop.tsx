import { useEffect, useRef, useState } from 'react';
import { Link, Route, Switch, useLocation, useSearch as useQueryString } from 'wouter';
import { useSession } from '../api/session';
import { SignIn } from '../SignIn';
import { CartIcon, PinIcon } from '../ui/Icons';
import { AccountPage } from './AccountPage';
import { CartDrawer } from './CartDrawer';
import { delivery } from './delivery';
import { DeliveryPicker } from './DeliveryPicker';
import { Home } from './Home';
import { OrderPage } from './OrderPage';
import { ProductPage } from './ProductPage';
import { useCart, useCartChanges } from './queries';
import { SearchBox } from './SearchBox';
import { SearchPage } from './SearchPage';

/** The shop: header (delivery point, search, account, cart) and its pages. */
export function Shop() {
  const [cartOpen, setCartOpen] = useState(false);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [, navigate] = useLocation();
  const next = new URLSearchParams(useQueryString()).get('next') ?? '/';
  useCartAtChosenStore();
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <Header openCart={() => setCartOpen(true)} togglePicker={() => setPickerOpen(!pickerOpen)} />
      {pickerOpen && (
        <div className="picker-panel">
          <DeliveryPicker onChosen={() => setPickerOpen(false)} />
        </div>
      )}
      <main id="main">
        <Switch>
          <Route path="/" component={Home} />
          <Route path="/search" component={SearchPage} />
          <Route path="/products/:sku">{(params) => <ProductPage sku={decodeURIComponent(params.sku)} />}</Route>
          <Route path="/orders/:orderId">
            {(params) => <OrderPage key={params.orderId} orderId={params.orderId} />}
          </Route>
          <Route path="/orders" component={AccountPage} />
          <Route path="/account" component={AccountPage} />
          <Route path="/signin">
            <SignIn scope="shop" title="Sign in" onSignedIn={() => navigate(next)} />
            <p className="center">
              New here? <Link href={`/signup?next=${encodeURIComponent(next)}`}>Create an account</Link>
            </p>
          </Route>
          <Route path="/signup">
            <SignIn scope="shop" signUp title="Create your account" onSignedIn={() => navigate(next)} />
          </Route>
          <Route>
            <h1>Page not found</h1>
            <Link href="/">Back to the shop</Link>
          </Route>
        </Switch>
      </main>
      <CartDrawer open={cartOpen} onClose={() => setCartOpen(false)} />
    </>
  );
}

function Header({ openCart, togglePicker }: { openCart: () => void; togglePicker: () => void }) {
  const session = useSession('shop');
  const cart = useCart();
  const point = delivery.use();
  const units = cart.data?.lines?.reduce((sum, line) => sum + (line.quantity ?? 0), 0) ?? 0;
  return (
    <header className="shop-header">
      <Link href="/" className="logo">
        Grid Grocer
      </Link>
      <button type="button" className="delivery-chip" onClick={togglePicker} aria-label="Change the delivery address">
        <PinIcon />{' '}
        {point
          ? `${point.storeName}${point.promiseMinutes !== undefined ? ` · ${point.promiseMinutes} min` : ''}`
          : 'Choose address'}
      </button>
      <SearchBox />
      <nav className="account-nav" aria-label="Account">
        {session ? <Link href="/account">Account</Link> : <Link href="/signin">Sign in</Link>}
        {session && (
          <button
            type="button"
            className="cart-button"
            onClick={openCart}
            aria-label={`Cart, ${units} ${units === 1 ? 'item' : 'items'}`}
          >
            <CartIcon /> <span className="count">{units}</span>
          </button>
        )}
      </nav>
    </header>
  );
}

/** The signed-in shopper's cart is delivered by the store of the chosen delivery point. */
function useCartAtChosenStore() {
  const cart = useCart();
  const point = delivery.use();
  const { chooseStore } = useCartChanges();
  const cartStore = cart.data?.storeId;
  const wanted = point?.storeId;
  const { mutate } = chooseStore;
  const asked = useRef<string>(undefined);
  useEffect(() => {
    if (cart.data && wanted && cartStore !== wanted && asked.current !== wanted) {
      asked.current = wanted; // once per choice: a refusal shows, it isn't repeated
      mutate(wanted);
    }
  }, [cart.data, wanted, cartStore, mutate]);
}
