import type { Generated } from 'kysely';

/** Kysely table types. Times are UTC ISO-8601 text; JSON columns hold text (see dialect.ts). */
export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string | null;
  totp_secret: string | null;
  disabled_at: string | null;
  created_at: string;
  /** The last TOTP time step accepted (codes are single-use). */
  totp_last_step: number | null;
}

export interface ImportsTable {
  id: string;
  file_name: string;
  file_sha256: string;
  format: string;
  rows: number;
  created_by: string;
  created_at: string;
}

export interface SourcesTable {
  id: string;
  kind: string;
  kind_text: string | null;
  list: string | null;
  url: string | null;
  publisher: string | null;
  /** Restricted: the identity of whoever posted or supplied the source. Never public. */
  author: string | null;
  language: string | null;
  published_at: string | null;
  captured_at: string | null;
  excerpt: string | null;
  reliability: string | null;
  sensitivity: string;
  import_id: string | null;
  created_by: string;
  created_at: string;
}

export interface EvidenceFilesTable {
  id: string;
  sha256: string;
  size: number;
  media_type: string;
  original_name: string | null;
  source_id: string | null;
  role: string;
  derived_from: string | null;
  created_by: string;
  created_at: string;
}

export interface PersonsTable {
  id: string;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  full_name: string | null;
  name_key: string;
  /** The spelling-independent key of the name (surname, given name, patronymic), searched by prefix. */
  canon_key: string | null;
  sex: string | null;
  birth_date_text: string | null;
  birth_precision: string;
  birth_from: string | null;
  birth_to: string | null;
  age_text: string | null;
  region_text: string | null;
  region_code: string;
  death_date_text: string | null;
  death_precision: string;
  death_from: string | null;
  death_to: string | null;
  death_place: string | null;
  category_text: string | null;
  category: string;
  rank: string | null;
  unit: string | null;
  status: string;
  verification: string;
  merged_into: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/**
 * Another name a person is known by, searched like persons.name_key. kind: 'merged' (a duplicate merged into
 * the person), 'source' (a claim's spelling), 'former' (the name before a correction). The origin columns say
 * what wrote it, so undoing that removes exactly it.
 */
export interface PersonAliasesTable {
  id: string;
  person_id: string;
  alias: string;
  alias_key: string;
  kind: string;
  created_at: string;
  /** The person whose merge brought this alias (null: the person's own). */
  from_person_id: string | null;
  /** The source (and claim) that gave this spelling; its sensitivity decides who sees the alias. */
  source_id: string | null;
  claim_id: string | null;
}

/**
 * A claim: source S says person P has these facts. One row per mention of a person in a source;
 * each non-null fact column is a value that source supports, kept exactly as given.
 */
export interface ClaimsTable {
  id: string;
  person_id: string;
  source_id: string;
  record_id: string | null;
  import_id: string | null;
  row_number: number | null;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  full_name: string | null;
  sex: string | null;
  birth_date: string | null;
  age: string | null;
  region: string | null;
  death_date: string | null;
  death_place: string | null;
  category: string | null;
  rank: string | null;
  unit: string | null;
  status: string | null;
  extra: string | null;
  created_by: string;
  created_at: string;
}

export interface VerificationsTable {
  id: string;
  person_id: string;
  from_state: string;
  to_state: string;
  reason: string;
  rule_version: string | null;
  decided_by: string;
  decided_at: string;
}

export interface ReleasesTable {
  id: string;
  release_date: string;
  total: number;
  rule_version: string;
  manifest_sha256: string;
  path: string | null;
  snapshot: string;
  created_by: string;
  created_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  state: string;
  progress: number;
  total: number | null;
  params: string | null;
  result: string | null;
  error: string | null;
  created_by: string;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

export interface AuditEventsTable {
  seq: Generated<number>;
  id: string;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface LinkRunsTable {
  id: string;
  job_id: string | null;
  settings_name: string;
  persons: number;
  candidate_pairs: number;
  queued: number;
  model: string | null;
  created_by: string;
  created_at: string;
}

/** A candidate pair of persons from a linkage run, waiting for (or holding) a reviewer's decision. */
export interface LinkPairsTable {
  id: string;
  run_id: string;
  person_a: string;
  person_b: string;
  probability: number;
  explanation: string | null;
  state: string;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface EstimatesTable {
  id: string;
  method: string;
  estimate: number;
  lower: number;
  upper: number;
  /** The whole EstimateResult (inputs, seed, assumptions, diagnostics). */
  result: string;
  published_at: string | null;
  created_by: string;
  created_at: string;
}

/** A server-side login session; only the SHA-256 of its token is stored. */
export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
}

/** Exponential login backoff per hashed account name and per hashed client address. */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  next_allowed_at: string;
  updated_at: string;
}

/**
 * One change of a person's normalised field: its before/after column values live here, not in the audit log
 * (AUD-PRIV); the audit event names the edit and carries a salted digest of the values. An edit of a confirmed
 * person waits (`pending`) for a second reviewer (REV-4EYES); a revert is an edit of kind `revert`.
 */
export interface PersonEditsTable {
  id: string;
  person_id: string;
  field: string;
  kind: string;
  reverts: string | null;
  before: string;
  after: string;
  salt: string;
  reason: string;
  state: string;
  proposed_by: string;
  proposed_at: string;
  propose_seq: number | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  applied_seq: number | null;
  reverted_by: string | null;
}

/** A record file uploaded in the browser, waiting for review and commit (or discard). */
export interface StagedImportsTable {
  id: string;
  file_name: string;
  sha256: string;
  format: string;
  size: number;
  state: string;
  /** The header row (JSON array) and the first data rows, as read at upload. */
  columns: string;
  mapping: string | null;
  person_column: string | null;
  /** The counts of the last preview. */
  preview: string | null;
  preview_run: string | null;
  import_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  decided_by: string | null;
  decided_at: string | null;
  /** Why it was discarded (kept here, not in the audit log: AUD-PRIV). */
  decision_reason: string | null;
}

/** The bytes of a staged file, in order. */
export interface StagedImportChunksTable {
  staged_id: string;
  seq: number;
  bytes: Buffer;
}

/** A reviewer's correction (record-column values) or exclusion of one row of a staged file. */
export interface StagedImportFixesTable {
  staged_id: string;
  row_number: number;
  action: string;
  fix_values: string | null;
  reason: string | null;
  decided_by: string;
  decided_at: string;
}

/** The rows with problems found by a staged file's last preview (`run`). */
export interface StagedImportRowsTable {
  staged_id: string;
  run: string;
  row_number: number;
  /** The row as the import sees it (after a reviewer's fix). */
  record: string;
  /** The row as read under the preview's mapping, with the reader's problems: a fix starts from it. */
  original: string;
  problems: string;
  errors: number;
  warnings: number;
}

/**
 * The reason typed for a decision that has no row of its own (merge, unmerge, split, bulk revert): its audit
 * event names the note by id and holds no free text (AUD-PRIV).
 */
export interface DecisionNotesTable {
  id: string;
  action: string;
  entity: string;
  entity_id: string | null;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface Database {
  users: UsersTable;
  imports: ImportsTable;
  sources: SourcesTable;
  evidence_files: EvidenceFilesTable;
  persons: PersonsTable;
  person_aliases: PersonAliasesTable;
  claims: ClaimsTable;
  verifications: VerificationsTable;
  releases: ReleasesTable;
  jobs: JobsTable;
  audit_events: AuditEventsTable;
  link_runs: LinkRunsTable;
  link_pairs: LinkPairsTable;
  estimates: EstimatesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  person_edits: PersonEditsTable;
  staged_imports: StagedImportsTable;
  staged_import_chunks: StagedImportChunksTable;
  staged_import_fixes: StagedImportFixesTable;
  staged_import_rows: StagedImportRowsTable;
  decision_notes: DecisionNotesTable;
}
