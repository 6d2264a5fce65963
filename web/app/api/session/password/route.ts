import type { NextRequest } from 'next/server';
import { crossSite, problem, relayError, serverApi, sessionResponse } from '@/lib/server/bff';

/** Password change answers with fresh tokens for this client (every other session ends). */
export async function POST(request: NextRequest) {
  const refused = crossSite(request);
  if (refused) return refused;
  const auth = request.headers.get('authorization') ?? '';
  const accessToken = auth.startsWith('Bearer ') ? auth.slice(7) : '';
  if (!accessToken) return problem(401, 'unauthorized', 'You are not signed in.');
  let body: { currentPassword?: unknown; newPassword?: unknown };
  try {
    body = await request.json();
  } catch {
    return problem(400, 'malformed_request', 'The request body is not valid JSON.');
  }
  if (typeof body.currentPassword !== 'string' || typeof body.newPassword !== 'string') {
    return problem(400, 'malformed_request', 'currentPassword and newPassword are required.');
  }
  try {
    const tokens = await serverApi(request, accessToken).changePassword({
      currentPassword: body.currentPassword,
      newPassword: body.newPassword,
    });
    return sessionResponse(request, tokens);
  } catch (error) {
    return relayError(error);
  }
}
