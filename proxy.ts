// Runs before routing, for everything but the build's own files:
// - addresses no route can read get a 400 (lib/http/malformed-path.ts);
// - pages (GET/HEAD outside /api, not files) get a 503 with Retry-After and a short explanation
//   while the database cannot be reached, instead of the 500 Next.js gives a page whose rendering
//   fails: a page cannot choose its status (lib/database-reachable.ts). The API answers 503 JSON
//   itself.
import { NextResponse, type NextRequest } from 'next/server';
import { databaseReachable } from './lib/database-reachable';
import { malformedPathResponse } from './lib/http/malformed-path';
import { unavailablePage } from './lib/http/unavailable-page';

const isPageRead = (request: NextRequest) =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  !request.nextUrl.pathname.startsWith('/api/') &&
  !/\.[a-z0-9]+$/i.test(request.nextUrl.pathname);

export async function proxy(request: NextRequest) {
  const malformed = malformedPathResponse(request.nextUrl.pathname);
  if (malformed) return malformed;
  if (isPageRead(request) && !(await databaseReachable())) return unavailablePage(request.method);
  return NextResponse.next();
}

export const config = {
  // Not the build's own files: their names are never malformed, and they are the most requested.
  matcher: '/((?!_next/static|_next/image).*)',
};
