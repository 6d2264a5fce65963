import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { refreshCookie } from '@/lib/session-cookie';

/** Home: straight to the list when a session cookie exists, otherwise to sign-in. */
export default async function Home() {
  const [jar, requestHeaders] = await Promise.all([cookies(), headers()]);
  redirect(jar.has(refreshCookie(requestHeaders).name) ? '/todos' : '/sign-in');
}
