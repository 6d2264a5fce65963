/** The API client the browser uses: direct HTTPS calls with the in-memory access token. */
import { ApiClient } from './api';
import { freshAccessToken, refreshSession, accessToken } from './session-client';

let client: ApiClient | null = null;
let onSessionEnded: (() => void) | null = null;

export function publicApiUrl(): string {
  return process.env.NEXT_PUBLIC_API_URL ?? '';
}

/** What to do when the session cannot be renewed (the app layout sends the user to sign-in). */
export function setSessionEndedHandler(handler: (() => void) | null): void {
  onSessionEnded = handler;
}

export function browserApi(): ApiClient {
  client ??= new ApiClient({
    baseUrl: publicApiUrl(),
    getAccessToken: accessToken,
    refreshAccessToken: async () => {
      const session = await refreshSession().catch(() => null);
      if (!session) onSessionEnded?.();
      return session?.accessToken ?? null;
    },
    onSessionRefused: () => onSessionEnded?.(),
    fetch: async (input, init) => {
      // renew just before expiry instead of waiting for a 401
      const headers = new Headers(init?.headers);
      if (headers.has('Authorization')) {
        const token = await freshAccessToken().catch(() => null);
        if (token) headers.set('Authorization', `Bearer ${token}`);
      }
      return fetch(input, { ...init, headers });
    },
  });
  return client;
}
