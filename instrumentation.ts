/** Runs once when the server starts, before it answers a request. */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is Next's own marker of the runtime being compiled, not configuration.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { warmUpCitationFormatter } = await import('./lib/citations/format');
  warmUpCitationFormatter();
}
