import type { NextRequest } from 'next/server';
import { crossSite, problem, relayError, serverApi, sessionResponse } from '@/lib/server/bff';

/** An emailed verification or email-change link signs its holder in: the refresh token goes into the cookie. */
export async function POST(request: NextRequest) {
  const refused = crossSite(request);
  if (refused) return refused;
  let body: { token?: unknown };
  try {
    body = await request.json();
  } catch {
    return problem(400, 'malformed_request', 'The request body is not valid JSON.');
  }
  if (typeof body.token !== 'string') return problem(400, 'malformed_request', 'token is required.');
  try {
    return sessionResponse(request, await serverApi(request).verifyEmail(body.token));
  } catch (error) {
    return relayError(error);
  }
}
