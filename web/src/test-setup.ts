import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { saveSession } from './api/session';
import { delivery } from './shop/delivery';

afterEach(() => {
  cleanup();
  saveSession('shop', null);
  saveSession('staff', null);
  delivery.set(null);
  localStorage.clear();
  sessionStorage.clear();
  vi.unstubAllGlobals();
});
