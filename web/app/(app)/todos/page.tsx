import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LoadingState } from '@/components/route-states';
import { TodoApp } from '@/components/todos/todo-app';

export const metadata: Metadata = { title: 'Todos' };

export default function TodosPage() {
  return (
    <Suspense fallback={<LoadingState label="Loading your todos…" />}>
      <TodoApp />
    </Suspense>
  );
}
