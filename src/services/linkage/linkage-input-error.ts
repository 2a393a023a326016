/** Bad input to a linkage run (unreadable file, missing columns, invalid settings): the message is for the user. */
export class LinkageInputError extends Error {
  override readonly name = 'LinkageInputError';
}
