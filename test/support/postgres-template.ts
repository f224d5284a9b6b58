/** Overridable so two checkouts can run their tests against one server at once. */
export const POSTGRES_TEMPLATE = process.env.LEADLINE_TEST_TEMPLATE ?? 'leadline_test_template';

/** The server's maintenance URL: CREATE/DROP DATABASE cannot run inside the database they name. */
export function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

export function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
