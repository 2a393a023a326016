/** An error whose message is meant for the user as it stands: printed as one line, exit code 1. */
export class UserError extends Error {
  override readonly name = 'UserError';
}
