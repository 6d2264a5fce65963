import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { REFRESH_COOKIE } from '@/lib/server/bff';

/** Home: straight to the list when a session cookie exists, otherwise to sign-in. */
export default async function Home() {
  const jar = await cookies();
  redirect(jar.has(REFRESH_COOKIE) ? '/todos' : '/sign-in');
}
