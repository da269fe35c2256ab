import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { staffApi, unwrap } from '../api/client';
import { saveSession, useSession } from '../api/session';
import { SignIn } from '../SignIn';
import { ErrorNote } from '../ui/ErrorNote';
import { Loading } from '../ui/Loading';
import { DispatchPage } from './DispatchPage';
import { PickListPage } from './PickListPage';
import { StockList } from './StockList';
import { StoreOrders } from './StoreOrders';

/** The staff console (its own bundle, loaded only under /staff): sign in, pick a store, work. */
export default function StaffApp() {
  const session = useSession('staff');
  const profile = useQuery({
    queryKey: ['staff-me', session?.token],
    queryFn: () => unwrap(staffApi.GET('/api/v1/me')),
    enabled: !!session,
  });
  const stores = useQuery({ queryKey: ['stores'], queryFn: () => unwrap(staffApi.GET('/api/v1/stores')) });
  const [chosen, setChosen] = useState<string>();
  const [location] = useLocation();

  if (!session) {
    return (
      <main id="main" className="staff">
        <SignIn scope="staff" title="Staff sign in" onSignedIn={() => undefined} />
      </main>
    );
  }
  if (profile.isPending) {
    return <Loading what="Signing in" />;
  }
  const roles = profile.data?.roles ?? [];
  const admin = roles.includes('ADMIN');
  const mine = admin ? (stores.data ?? []).map((s) => s.id ?? '') : (profile.data?.storeIds ?? []);
  const riderOnly = !admin && !roles.includes('STAFF') && roles.includes('RIDER');
  if (!profile.data || (!admin && !roles.includes('STAFF') && !riderOnly)) {
    return (
      <main id="main" className="staff">
        <ErrorNote error={profile.error} />
        {profile.data && <p role="alert">This account isn’t store staff.</p>}
        <button type="button" className="secondary" onClick={() => saveSession('staff', null)}>
          Sign in as someone else
        </button>
      </main>
    );
  }
  const storeId = chosen && mine.includes(chosen) ? chosen : mine[0];
  const storeName = stores.data?.find((s) => s.id === storeId)?.name ?? storeId;
  return (
    <div className="staff">
      <header className="staff-header">
        <span className="logo">Store console</span>
        <label>
          Store{' '}
          <select value={storeId} onChange={(event) => setChosen(event.target.value)}>
            {mine.map((id) => (
              <option key={id} value={id}>
                {stores.data?.find((s) => s.id === id)?.name ?? id}
              </option>
            ))}
          </select>
        </label>
        <nav aria-label="Console">
          {!riderOnly && (
            <>
              <Link href="/" aria-current={location === '/' ? 'page' : undefined}>
                Orders
              </Link>
              <Link href="/stock" aria-current={location === '/stock' ? 'page' : undefined}>
                Stock
              </Link>
            </>
          )}
          <Link href="/dispatch" aria-current={location === '/dispatch' || riderOnly ? 'page' : undefined}>
            Deliveries
          </Link>
          <button type="button" className="link" onClick={() => saveSession('staff', null)}>
            Sign out
          </button>
        </nav>
      </header>
      <main id="main">
        {storeId && riderOnly ? (
          <DispatchPage storeId={storeId} storeName={storeName} />
        ) : storeId ? (
          <Switch>
            <Route path="/dispatch">
              <DispatchPage storeId={storeId} storeName={storeName} />
            </Route>
            <Route path="/pick/:orderId">
              {(params) => <PickListPage storeId={storeId} orderId={params.orderId} />}
            </Route>
            <Route path="/stock">
              <StockList storeId={storeId} storeName={storeName} />
            </Route>
            <Route>
              <StoreOrders storeId={storeId} storeName={storeName} />
            </Route>
          </Switch>
        ) : (
          <p>You aren’t assigned to a store.</p>
        )}
      </main>
    </div>
  );
}
