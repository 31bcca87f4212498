// The app's pages and route handlers, found by walking app/ as Next.js does, so that a test of
// every route covers a new one without being told.
import { readdirSync } from 'node:fs';
import { join, sep } from 'node:path';

/** Every page.tsx and route.ts under app/, as its URL pattern: `/operations/[slug]`. */
export function appRoutes(): { pattern: string; kind: 'page' | 'route' }[] {
  const appDir = join(process.cwd(), 'app');
  const found: { pattern: string; kind: 'page' | 'route' }[] = [];
  for (const entry of readdirSync(appDir, { recursive: true, encoding: 'utf8' })) {
    const match = /^(?:(.*)[\\/])?(page\.tsx|route\.ts)$/.exec(entry);
    if (!match) continue;
    const segments = (match[1] ?? '').split(sep).filter((segment) => segment && !/^\(.*\)$/.test(segment));
    found.push({ pattern: `/${segments.join('/')}`, kind: match[2] === 'page.tsx' ? 'page' : 'route' });
  }
  return found.sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** A concrete URL of a pattern: the seeded operation, its first figure. */
export const concrete = (pattern: string) => pattern.replace('[slug]', 'kabul-2021').replace('[id]', '1');

