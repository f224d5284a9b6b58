/** What a new user sees before anything is stored: the two ways to get data in. */
export function FirstRun() {
  return (
    <section className="panel" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">Nothing stored yet</h2>
      <p>
        Leadline copies delivery facts from GitHub (pull requests, reviews, workflow runs, deployments) into a local database and computes its metrics from
        them. Get some data in one of two ways, then reload this page.
      </p>
      <ol className="steps">
        <li>
          <h3>Try it with demo data</h3>
          <p>Generates a synthetic organisation, syncs it through the same code a real one goes through, and serves this dashboard:</p>
          <pre>
            <code>npm run demo</code>
          </pre>
        </li>
        <li>
          <h3>Sync your own repositories</h3>
          <p>
            Set <code>GITHUB_TOKEN</code> to a token that can read them, and <code>LEADLINE_REPOS</code> to a comma-separated list of <code>owner/name</code>{' '}
            (or <code>org:NAME</code> for a whole organisation), then sync:
          </p>
          <pre>
            <code>{'export GITHUB_TOKEN=…\nexport LEADLINE_REPOS=acme/api,acme/web\nnpm run leadline -- sync'}</code>
          </pre>
        </li>
      </ol>
    </section>
  );
}
