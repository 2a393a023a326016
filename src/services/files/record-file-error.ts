/** One problem found in a record file, located as a spreadsheet user counts: header = row 1. */
export interface RowProblem {
  row: number;
  /** The header of the column at fault (or "column N" when the header is empty). */
  column?: string;
  message: string;
}

/** Where a problem is: a row and, when known, a column. */
export interface FileLocation {
  row: number;
  column?: string | undefined;
}

/** Keeps a message on one line: line breaks and other control characters become visible escapes. */
function oneLine(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : ch;
  }
  return out;
}

function describe(location: FileLocation): string {
  return location.column === undefined ? `row ${location.row}` : `row ${location.row}, column "${location.column}"`;
}

function problem(location: FileLocation, message: string): RowProblem {
  return location.column === undefined ? { row: location.row, message } : { row: location.row, column: location.column, message };
}

/**
 * A record file that cannot be read or imported. Its message is one line naming the file, row and column,
 * fit to print as it stands; `problems` keeps every located problem for a preview or a reject file.
 */
export class RecordFileError extends Error {
  override readonly name = 'RecordFileError';
  readonly problems: readonly RowProblem[];

  constructor(
    readonly file: string,
    message: string,
    location?: FileLocation,
    problems?: readonly RowProblem[],
  ) {
    super(oneLine(`${file}: ${location ? `${describe(location)}: ` : ''}${message}`));
    this.problems = problems ?? (location ? [problem(location, message)] : []);
  }

  /** One error for a list of row problems: the message names the first and counts the rest. */
  static fromProblems(file: string, problems: readonly RowProblem[]): RecordFileError {
    const first = problems[0];
    if (!first) return new RecordFileError(file, 'no problems given');
    const rest = problems.length - 1;
    const more = rest > 0 ? ` (and ${rest} more problem${rest > 1 ? 's' : ''})` : '';
    return new RecordFileError(file, `${first.message}${more}`, first, problems);
  }
}
