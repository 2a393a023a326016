// What the API answers, as the app uses it. Request shapes come type-only from the server's zod schemas;
// response shapes that live next to database code are restated here (the app must not pull server code in).
import type { Role, SessionUser } from '../../../services/auth/auth.schemas.js';
import type {
  PersonListQuery as PersonListInput,
  PersonSummary,
} from '../../../services/person/person.schemas.js';
import type { ClaimInput, SourceInput, SourceView } from '../../../services/intake/intake.schemas.js';
import type { CandidateQuery as CandidateInput } from '../../../services/review/review.schemas.js';
import type { FACT_COLUMNS, SOURCE_KINDS, VERIFICATION_STATES } from '../../../core/record/record.schemas.js';

export type { ClaimInput, PersonSummary, Role, SessionUser, SourceInput, SourceView };

/** Query shapes as the app sends them (the schemas coerce numbers, so their input type is unknown there). */
type Paged<T> = Omit<T, 'limit' | 'offset'> & { limit?: number; offset?: number };
export type PersonListQuery = Paged<PersonListInput>;
export type CandidateQuery = Paged<CandidateInput>;

export type FactField = (typeof FACT_COLUMNS)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type Verification = (typeof VERIFICATION_STATES)[number];

/** Every value of a type, checked both ways by the compiler. */
const all =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L =>
    list;

export const ROLE_LIST = all<Role>()(['viewer', 'contributor', 'verifier', 'admin']);
export const FACT_FIELDS = all<FactField>()([
  'surname',
  'given_name',
  'patronymic',
  'full_name',
  'sex',
  'birth_date',
  'age',
  'region',
  'death_date',
  'death_place',
  'category',
  'rank',
  'unit',
]);
export const SOURCE_KIND_LIST = all<SourceKind>()([
  'relative_post',
  'local_media',
  'official_statement',
  'grave_photo',
  'insurance_document',
  'court_record',
  'obituary',
  'leaked_registry',
  'foreign_media',
  'enemy_claim',
  'searching_for',
  'other',
]);
export const VERIFICATION_LIST = all<Verification>()(['reported', 'confirmed', 'rejected', 'disputed']);

/** GET /api/users */
export interface UserSummary {
  username: string;
  displayName: string;
  role: Role;
  mfa: boolean;
  disabled: boolean;
  createdAt: string;
}

export interface TotpEnrolment {
  secret: string;
  uri: string;
}

/** A person row as GET /api/persons/:id gives it (the fields the app shows). */
export interface PersonRecord {
  id: string;
  surname: string | null;
  given_name: string | null;
  patronymic: string | null;
  full_name: string | null;
  verification: string;
  status: string;
  region_code: string;
  category: string;
  created_by: string | null;
  created_at: string;
  merged_into: string | null;
  /** Optimistic-lock version for field edits. */
  version?: number;
  [field: string]: unknown;
}

/** One claim with its source, as GET /api/persons/:id gives it. */
export type ClaimView = {
  id: string;
  person_id: string;
  source_id: string;
  source_kind: string;
  source_url: string | null;
  source_published_at: string | null;
  created_by?: string | null;
  created_at?: string;
} & Partial<Record<FactField, string | null>>;

export interface FactValues {
  field: FactField;
  values: { value: string; claimIds: string[] }[];
  conflict: boolean;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  id?: string;
  /** Whether this account may revert the event now (GET /api/persons/:id/history). */
  revertible?: boolean;
  /** Why it cannot be reverted. */
  revertNote?: string;
  /** The reason the actor typed for this step (GET /api/persons/:id/history; kept out of the audit log). */
  reason?: string;
  /** For field edits: the field and its values before and after. */
  change?: {
    field: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    state: string;
    reason?: string;
  };
}

/** Another name a person is known by: a merged duplicate's, a source's spelling, or the name before a correction. */
export interface PersonAlias {
  alias: string;
  /** merged, source or former. */
  kind: string;
  source_id: string | null;
}

export interface PersonDetail {
  person: PersonRecord;
  facts: FactValues[];
  claims: ClaimView[];
  /** Absent from servers older than aliases. */
  aliases?: PersonAlias[];
  history: AuditEvent[];
}

/** The comparison waterfall of a candidate or a duplicate pair. */
export interface Explanation {
  priorWeight: number;
  terms: {
    comparison: string;
    level: number;
    label: string;
    valueA: string | null;
    valueB: string | null;
    weight: number;
  }[];
  weight: number;
  probability: number;
}

export interface CandidateMatch {
  person: PersonSummary;
  probability: number;
  explanation: Explanation;
}

export interface EvidenceUploaded {
  id: string;
  sha256: string;
  size: number;
  duplicate: boolean;
  media_type: string;
}
