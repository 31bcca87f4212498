// Runs before every page (not the API, which answers 503 JSON itself, nor static files). While the
// database cannot be reached, a page answers 503 with Retry-After and a short explanation instead
// of the 500 Next.js gives a page whose rendering fails: a page cannot choose its status.
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { databaseReachable } from '@/lib/database-reachable';
import { unavailablePage } from '@/lib/http/unavailable-page';

export async function proxy(request: NextRequest) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return NextResponse.next();
  return (await databaseReachable()) ? NextResponse.next() : unavailablePage(request.method);
}

export const config = {
  // Pages only: not /api, not Next.js's own files, not files with an extension (icons, assets).
  matcher: ['/((?!api/|_next/|.*\\.[a-z0-9]+$).*)'],
};
