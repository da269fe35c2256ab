// A value kept in the browser's local storage that components follow (they re-render on change).
import { useSyncExternalStore } from 'react';

export type Stored<T> = {
  get(): T | null;
  set(value: T | null): void;
  use(): T | null;
};

export function stored<T>(key: string, isCurrent: (value: T) => boolean = () => true): Stored<T> {
  const listeners = new Set<() => void>();
  let loaded = false;
  let value: T | null = null;
  const get = () => {
    if (!loaded) {
      try {
        value = JSON.parse(localStorage.getItem(key) ?? 'null');
      } catch {
        value = null;
      }
      loaded = true;
    }
    return value !== null && isCurrent(value) ? value : null;
  };
  const set = (next: T | null) => {
    if (next === null) {
      localStorage.removeItem(key);
    } else {
      localStorage.setItem(key, JSON.stringify(next));
    }
    value = next;
    loaded = true;
    listeners.forEach((listener) => listener());
  };
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  };
  return { get, set, use: () => useSyncExternalStore(subscribe, get) };
}
