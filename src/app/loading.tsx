/** While a dashboard page computes (a cold scope can take a few hundred milliseconds): its frame, greyed. */
export default function Loading() {
  return (
    <main className="page dashboard" aria-busy="true">
      <p className="muted" role="status">
        Computing the numbers…
      </p>
      <section className="cards" aria-hidden="true">
        {Array.from({ length: 9 }, (_, i) => (
          <div key={i} className="metric-card skeleton" />
        ))}
      </section>
    </main>
  );
}
