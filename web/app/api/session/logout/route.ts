import { NextResponse, type NextRequest } from 'next/server';
import { clearSession, crossSite, refreshTokenOf, serverApi } from '@/lib/server/bff';

export async function POST(request: NextRequest) {
  const refused = crossSite(request);
  if (refused) return refused;
  const refreshToken = refreshTokenOf(request);
  if (refreshToken) {
    try {
      await serverApi(request).logout(refreshToken);
    } catch {
      // the cookie goes either way; an unreachable API must not keep the user signed in here
    }
  }
  return clearSession(new NextResponse(null, { status: 204 }), request);
}
