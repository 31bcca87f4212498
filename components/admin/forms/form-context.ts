'use client';

import { createContext, useContext } from 'react';
import type { FormState } from '@/lib/admin/form-state';

export interface AdminFormContextValue {
  /** Prefix of the ids in this form, so several forms on a page never share one. */
  idPrefix: string;
  state: FormState;
  /** The message for each field the server refused, by dotted field name. */
  errors: ReadonlyMap<string, string>;
  /** The zone dates are typed in, e.g. "Asia/Kabul", when the form has dates. */
  timeZone?: string;
}

export const AdminFormContext = createContext<AdminFormContextValue>({
  idPrefix: 'form',
  state: { status: 'idle' },
  errors: new Map(),
});

export const useAdminForm = () => useContext(AdminFormContext);

/** A DOM id for `field` in the current form ("source.url" becomes "…-source-url"). */
export const fieldId = (idPrefix: string, field: string) => `${idPrefix}-${field.replace(/[^\w-]/g, '-')}`;
