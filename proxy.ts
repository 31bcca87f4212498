// Runs before routing, for every request (pages, API, static files):
// - sets the security headers lib/security/security-headers.ts decides; the policy goes on the
//   request too, because Next.js reads the nonce from the request's Content-Security-Policy header
//   and puts it on every script it renders;
// - refuses addresses no route can read with a 400 (lib/http/malformed-path.ts);
// - answers pages (GET/HEAD outside /api, not files) with a 503, Retry-After and a short
//   explanation while the database cannot be reached, instead of the 500 Next.js gives a page
//   whose rendering fails: a page cannot choose its status (lib/database-reachable.ts). The API
//   answers 503 JSON itself.
import { NextResponse, type NextRequest } from 'next/server';
import { databaseReachable } from '@/lib/database-reachable';
import { env } from '@/lib/env';
import { malformedPathResponse } from '@/lib/http/malformed-path';
import { unavailablePage } from '@/lib/http/unavailable-page';
import { createNonce } from '@/lib/security/nonce';
import { securityHeaders } from '@/lib/security/security-headers';

const production = env.NODE_ENV === 'production';
const https = env.APP_URL?.startsWith('https:') ?? false;

const isPageRead = (request: NextRequest) =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  !request.nextUrl.pathname.startsWith('/api/') &&
  !request.nextUrl.pathname.startsWith('/_next/') &&
  !/\.[a-z0-9]+$/i.test(request.nextUrl.pathname);

async function route(request: NextRequest, contentSecurityPolicy: string | undefined): Promise<Response> {
  const malformed = malformedPathResponse(request.nextUrl.pathname);
  if (malformed) return malformed;
  if (isPageRead(request) && !(await databaseReachable())) return unavailablePage(request.method);
  const requestHeaders = new Headers(request.headers);
  if (contentSecurityPolicy) requestHeaders.set('Content-Security-Policy', contentSecurityPolicy);
  return NextResponse.next({ request: { headers: requestHeaders } });
}

export async function proxy(request: NextRequest) {
  const headers = securityHeaders({ pathname: request.nextUrl.pathname, nonce: createNonce(), production, https });
  const contentSecurityPolicy = headers.find(([name]) => name === 'Content-Security-Policy')?.[1];
  const response = await route(request, contentSecurityPolicy);
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}
