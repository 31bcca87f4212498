import { describe, expect, it } from 'vitest';
import { safeAdminNext, signInPath } from '@/lib/admin/safe-next';

describe('where sign-in may send someone afterwards', () => {
  it('keeps a path of the admin area, with its query', () => {
    expect(safeAdminNext('/admin/operations/kabul-2021')).toBe('/admin/operations/kabul-2021');
    expect(safeAdminNext('/admin/audit?before=42')).toBe('/admin/audit?before=42');
    expect(safeAdminNext('/admin')).toBe('/admin');
  });

  it.each([
    'https://evil.example/admin',
    '//evil.example/admin',
    '/\\evil.example/admin',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/operations/kabul-2021',
    '/administrator',
    '/admin/../operations',
    '/admin/sign-in',
    '/admin/sign-in?next=/admin',
    'admin',
    '',
    undefined,
    ['/admin/users'],
  ])('sends %j to /admin instead', (next) => {
    expect(safeAdminNext(next)).toBe('/admin');
  });

  it('builds the sign-in link that comes back to the page', () => {
    expect(signInPath('/admin/users')).toBe('/admin/sign-in?next=%2Fadmin%2Fusers');
    expect(signInPath('/admin')).toBe('/admin/sign-in');
    expect(signInPath('https://evil.example')).toBe('/admin/sign-in');
  });
});
