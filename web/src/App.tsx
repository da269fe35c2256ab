import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { Shop } from './shop/Shop';
import { Loading } from './ui/Loading';

// the staff console is its own bundle: shoppers never download it
const StaffApp = lazy(() => import('./staff/StaffApp'));

export function App() {
  return (
    <Switch>
      <Route path="/staff" nest>
        <Suspense fallback={<Loading what="Opening the console" />}>
          <StaffApp />
        </Suspense>
      </Route>
      <Route>
        <Shop />
      </Route>
    </Switch>
  );
}
