import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };

type Params = Promise<Record<string, string | string[] | undefined>>;

function one(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

export default async function SignInPage({ searchParams }: { searchParams: Params }) {
  const params = await searchParams;
  return <SignInForm next={one(params.next)} reason={one(params.reason)} />;
}
