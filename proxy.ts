// Runs before routing: refuses addresses no route can read (see lib/http/malformed-path.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { malformedPathResponse } from './lib/http/malformed-path';

export function proxy(request: NextRequest) {
  return malformedPathResponse(request.nextUrl.pathname) ?? NextResponse.next();
}

export const config = {
  // Not the build's own files: their names are never malformed, and they are the most requested.
  matcher: '/((?!_next/static|_next/image).*)',
};
