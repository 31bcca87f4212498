'use server';

// The operation page's writes. Each action checks the session itself (a Server Action is a public
// endpoint whatever page shows its form), then hands the form to the write service, which
// validates, deduplicates by idempotency key and audits.
import { headers } from 'next/headers';
import type { FormState } from '@/lib/admin/form-state';
import { failedState, readWriteForm, refusedState, writeResultState } from '@/lib/admin/write-form';
import { checkStaff } from '@/lib/auth/staff-session';
import { addFigure, correctFigure } from '@/lib/data/writes/figure-writes';
import { addEvent, addStatement, addTarget } from '@/lib/data/writes/timeline-writes';

export async function addFigureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await checkStaff(await headers(), 'editor');
  if (!check.ok) return refusedState(check);
  const form = readWriteForm(formData);
  try {
    return writeResultState(await addFigure(check.actor, form.operationSlug, form.input, form.idempotencyKey), form.operationSlug);
  } catch (error) {
    return failedState(error, 'addFigure');
  }
}

export async function correctFigureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await checkStaff(await headers(), 'editor');
  if (!check.ok) return refusedState(check);
  const form = readWriteForm(formData);
  const input = { ...form.input, action: 'correct' };
  try {
    return writeResultState(await correctFigure(check.actor, form.operationSlug, input, form.idempotencyKey), form.operationSlug);
  } catch (error) {
    return failedState(error, 'correctFigure');
  }
}

export async function retractFigureAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await checkStaff(await headers(), 'editor');
  if (!check.ok) return refusedState(check);
  const form = readWriteForm(formData);
  // A retraction keeps the value it withdraws: whatever a value field says is left out.
  const input = { ...form.input, value: undefined, action: 'retract' };
  try {
    return writeResultState(await correctFigure(check.actor, form.operationSlug, input, form.idempotencyKey), form.operationSlug);
  } catch (error) {
    return failedState(error, 'retractFigure');
  }
}

export async function addTargetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await checkStaff(await headers(), 'editor');
  if (!check.ok) return refusedState(check);
  const form = readWriteForm(formData);
  try {
    return writeResultState(await addTarget(check.actor, form.operationSlug, form.input, form.idempotencyKey), form.operationSlug);
  } catch (error) {
    return failedState(error, 'addTarget');
  }
}

export async function addEventAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await checkStaff(await headers(), 'editor');
  if (!check.ok) return refusedState(check);
  const form = readWriteForm(formData);
  try {
    return writeResultState(await addEvent(check.actor, form.operationSlug, form.input, form.idempotencyKey), form.operationSlug);
  } catch (error) {
    return failedState(error, 'addEvent');
  }
}

export async function addStatementAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const check = await checkStaff(await headers(), 'editor');
  if (!check.ok) return refusedState(check);
  const form = readWriteForm(formData);
  try {
    return writeResultState(await addStatement(check.actor, form.operationSlug, form.input, form.idempotencyKey), form.operationSlug);
  } catch (error) {
    return failedState(error, 'addStatement');
  }
}
