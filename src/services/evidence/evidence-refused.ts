/** Why an evidence file is refused before anything of it is stored. */
export type EvidenceRefusal = 'unreadable-image' | 'too-many-pixels';

/** An evidence file the register will not take (HTTP: 415 unreadable, 422 too many pixels); nothing was stored. */
export class EvidenceRefused extends Error {
  override readonly name = 'EvidenceRefused';
  constructor(
    readonly reason: EvidenceRefusal,
    message: string,
  ) {
    super(message);
  }
}
