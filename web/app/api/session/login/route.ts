import type { NextRequest } from 'next/server';
import { crossSite, problem, relayError, serverApi, sessionResponse } from '@/lib/server/bff';

export async function POST(request: NextRequest) {
  const refused = crossSite(request);
  if (refused) return refused;
  let body: { email?: unknown; password?: unknown };
  try {
    body = await request.json();
  } catch {
    return problem(400, 'malformed_request', 'The request body is not valid JSON.');
  }
  if (typeof body.email !== 'string' || typeof body.password !== 'string') {
    return problem(400, 'malformed_request', 'email and password are required.');
  }
  try {
    const tokens = await serverApi(request).login({ email: body.email, password: body.password });
    return sessionResponse(request, tokens);
  } catch (error) {
    return relayError(error);
  }
}
