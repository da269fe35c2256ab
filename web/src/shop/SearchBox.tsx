import { useEffect, useId, useState } from 'react';
import { useLocation, useSearch as useQueryString } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import { delivery } from './delivery';
import { searchQuery, useSuggestions } from './queries';

/**
 * The search box: suggestions as you type (names, brands, categories; a typo forgiven), arrow keys
 * to move through them, Enter to search. Choosing a brand or category filters by it.
 */
export function SearchBox() {
  const queryString = useQueryString();
  const [location, navigate] = useLocation();
  const current = location === '/search' ? (new URLSearchParams(queryString).get('q') ?? '') : '';
  const [text, setText] = useState(current);
  const [typed, setTyped] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  useEffect(() => setText(current), [current]);
  useEffect(() => {
    const timer = setTimeout(() => setTyped(text), 80);
    return () => clearTimeout(timer);
  }, [text]);
  const suggestions = useSuggestions(typed).data?.suggestions ?? [];
  // the results of what is typed are fetched while the shopper types, so Enter shows them at once
  const client = useQueryClient();
  const storeId = delivery.use()?.storeId;
  useEffect(() => {
    if (typed.trim().length >= 2) {
      client.prefetchQuery(searchQuery({ q: typed.trim() }, storeId));
    }
  }, [typed, storeId, client]);
  const shown = open && text.trim().length >= 2 ? suggestions : [];

  const go = (params: Record<string, string>) => {
    setOpen(false);
    setActive(-1);
    navigate(`/search?${new URLSearchParams(params)}`);
  };
  const choose = (index: number) => {
    const suggestion = shown[index];
    if (!suggestion?.text) {
      return;
    }
    if (suggestion.kind === 'CATEGORY') {
      go({ category: suggestion.text });
    } else if (suggestion.kind === 'BRAND') {
      go({ brand: suggestion.text });
    } else {
      setText(suggestion.text);
      go({ q: suggestion.text });
    }
  };

  return (
    <form
      role="search"
      className="search-box"
      onSubmit={(event) => {
        event.preventDefault();
        if (active >= 0 && shown[active]) {
          choose(active);
        } else {
          go({ q: text.trim() });
        }
      }}
    >
      <label htmlFor="search-input" className="visually-hidden">
        Search products
      </label>
      <input
        id="search-input"
        type="search"
        placeholder="Search milk, bananas, coffee…"
        autoComplete="off"
        role="combobox"
        aria-expanded={shown.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && shown.length) {
            event.preventDefault();
            setActive((active + 1) % shown.length);
          } else if (event.key === 'ArrowUp' && shown.length) {
            event.preventDefault();
            setActive(active <= 0 ? shown.length - 1 : active - 1);
          } else if (event.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <button type="submit" className="primary">
        Search
      </button>
      <ul id={listId} role="listbox" className="suggestions" hidden={shown.length === 0} aria-label="Suggestions">
        {shown.map((suggestion, index) => (
          <li
            key={`${suggestion.kind}-${suggestion.text}`}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            onMouseDown={(event) => {
              event.preventDefault();
              choose(index);
            }}
          >
            <span>{suggestion.text}</span>
            {suggestion.kind !== 'PRODUCT' && (
              <span className="muted">{suggestion.kind === 'BRAND' ? 'brand' : 'category'}</span>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}
