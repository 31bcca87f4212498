// Runs before every request (pages, API, static files) and sets the security headers that
// lib/security/security-headers.ts decides. The policy goes on the request too: Next.js reads the
// nonce from the request's Content-Security-Policy header and puts it on every script it renders.
import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/lib/env';
import { createNonce } from '@/lib/security/nonce';
import { securityHeaders } from '@/lib/security/security-headers';

const production = env.NODE_ENV === 'production';
const https = env.APP_URL?.startsWith('https:') ?? false;

export function proxy(request: NextRequest) {
  const headers = securityHeaders({ pathname: request.nextUrl.pathname, nonce: createNonce(), production, https });
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of headers) {
    if (name === 'Content-Security-Policy') requestHeaders.set(name, value);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of headers) response.headers.set(name, value);
  return response;
}
