import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="auth-shell">
      <div className="auth-card" style={{ textAlign: 'center' }}>
        <h1>Page not found</h1>
        <p className="muted">The page you were looking for does not exist.</p>
        <Link className="btn btn-primary" href="/">
          Go home
        </Link>
      </div>
    </main>
  );
}
