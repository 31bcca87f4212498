'use client';

import { useCallback, useRef } from 'react';
import { IDEMPOTENCY_FIELD, type FormState } from '@/lib/admin/form-state';

/** crypto.randomUUID where the page is a secure context; the same 122 random bits otherwise. */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One idempotency key per form instance, replaced after each successful save. Submitting twice
 * before the answer comes (a double click, a retry) sends the same key, so the server stores one
 * row. After a refusal (invalid, conflict) the key stays: nothing was stored under it.
 *
 * Returns a function that writes the key into the form's hidden field just before it is sent.
 */
export function useIdempotencyKey(state: FormState): (form: HTMLFormElement) => void {
  const current = useRef<{ key: string; savedState: FormState | null } | null>(null);
  return useCallback(
    (form: HTMLFormElement) => {
      const renewed = state.status === 'saved' && current.current?.savedState !== state;
      if (!current.current || renewed) {
        current.current = { key: newKey(), savedState: state.status === 'saved' ? state : null };
      }
      const field = form.elements.namedItem(IDEMPOTENCY_FIELD);
      if (field instanceof HTMLInputElement) field.value = current.current.key;
    },
    [state],
  );
}
