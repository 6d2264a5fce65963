import { Brand } from '@/components/brand';
import { ThemeToggle } from '@/components/theme-toggle';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="auth-shell">
      <div className="auth-card">
        <div className="auth-brand">
          <Brand />
          <ThemeToggle />
        </div>
        {children}
      </div>
    </main>
  );
}
