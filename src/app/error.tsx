'use client';

/**
 * Shown when a page fails on the server (most often: the database cannot be opened, or the
 * configuration is invalid). In production the browser only gets a digest; the message, which may
 * quote configuration, stays in the server's log.
 */
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : undefined;
  return (
    <main className="page">
      <header className="masthead">
        <h1>Leadline</h1>
      </header>
      <section className="panel" role="alert" aria-labelledby="error-heading">
        <h2 id="error-heading">This page could not be loaded</h2>
        <p>
          The server could not read Leadline&rsquo;s data. Its log says why: usually an invalid setting (it names the variable) or a database that cannot be
          opened, such as a PGlite data directory already in use by another process.
        </p>
        {process.env.NODE_ENV !== 'production' && error instanceof Error && (
          // Development only: Next forwards the server's message here, e.g. which setting is invalid.
          <pre className="error-message">{error.message}</pre>
        )}
        {digest && (
          <p className="muted">
            Error reference: <code>{digest}</code>
          </p>
        )}
        <p>
          <button type="button" className="button" onClick={() => retry()}>
            Try again
          </button>
        </p>
      </section>
    </main>
  );
}
