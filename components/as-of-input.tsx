'use client';

import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};
/** False in the server's HTML and during hydration, true from then on. */
const useHydrated = () => useSyncExternalStore(noSubscription, () => true, () => false);

/**
 * The "as of" field: a text field for a YYYY-MM-DD date in the server's HTML, which becomes the
 * browser's date picker once the page has hydrated. Chromium builds a date field's parts with the
 * locale's date formats, and the first one in a tab held up the page's first paint by 40–70 ms
 * (bench/lcp.ts); the text field paints at once and submits the same value without JavaScript.
 */
export function AsOfInput({
  id,
  name,
  defaultValue,
  min,
  max,
  formatHint,
}: {
  id: string;
  name: string;
  defaultValue: string;
  min: string;
  max: string;
  formatHint: string;
}) {
  const hydrated = useHydrated();
  return hydrated ? (
    <input id={id} type="date" name={name} defaultValue={defaultValue} min={min} max={max} />
  ) : (
    <input
      id={id}
      type="text"
      name={name}
      defaultValue={defaultValue}
      inputMode="numeric"
      pattern="\d{4}-\d{2}-\d{2}"
      placeholder={formatHint}
      title={formatHint}
    />
  );
}
