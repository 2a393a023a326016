/** A column mapping that cannot work with a file's headers; `header` names the header at fault, if one is. */
export class MappingError extends Error {
  override readonly name = 'MappingError';
  constructor(
    message: string,
    readonly header?: string,
  ) {
    super(message);
  }
}
