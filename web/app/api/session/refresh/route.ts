import type { NextRequest } from 'next/server';
import { UnauthorizedError } from '@/lib/api';
import { clearSession, crossSite, refreshTokenOf, problem, relayError, serverApi, sessionResponse } from '@/lib/server/bff';

/** Rotates the refresh token held in the cookie and hands the browser a new access token. */
export async function POST(request: NextRequest) {
  const refused = crossSite(request);
  if (refused) return refused;
  const refreshToken = refreshTokenOf(request);
  if (!refreshToken) return problem(401, 'no_session', 'You are not signed in.');
  try {
    const tokens = await serverApi(request).refresh(refreshToken);
    return sessionResponse(request, tokens);
  } catch (error) {
    if (error instanceof UnauthorizedError) {
      return clearSession(problem(401, 'session_ended', 'Your session has ended. Please sign in again.'), request);
    }
    return relayError(error);
  }
}
