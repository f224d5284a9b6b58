/** While the sync page reads the stored state (quick; shown on a slow database). */
export default function Loading() {
  return (
    <main className="page dashboard" aria-busy="true">
      <header className="page-heading">
        <h1>Sync</h1>
      </header>
      <p className="muted" role="status">
        Reading the sync state…
      </p>
    </main>
  );
}
