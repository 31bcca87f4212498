// POST /api/auth/sign-in {email, password}: staff sign-in. A route handler rather than a Server
// Action so a throttled attempt gets a real 429 with Retry-After. Sets the session cookie.
import { signInWithRequest } from '@/lib/auth/sign-in-request';

export function POST(request: Request) {
  return signInWithRequest(request);
}
