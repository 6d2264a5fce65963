import { LoadingState } from '@/components/route-states';

export default function Loading() {
  return <LoadingState />;
}
