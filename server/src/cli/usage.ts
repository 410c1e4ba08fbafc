/** A mistake in how dockhand was called: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}

export function fail(message: string): never {
  throw new UsageError(message);
}
