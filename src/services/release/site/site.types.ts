import type { PublicPerson } from '../../../core/release/release.schemas.js';

export type Lang = 'ru' | 'en';
export const LANGS: readonly Lang[] = ['ru', 'en'];

/** One federal subject's square on the tile map (the shape of REGIONS in src/core/regions). */
export interface RegionTile {
  code: string;
  nameRu: string;
  nameEn: string;
  tile: { row: number; col: number };
  group?: string;
}

/** What every page needs besides its own content. */
export interface SiteContext {
  date: string;
  ruleVersion: string;
  /** SHA-256 fingerprint of the release public key (hex, colon-grouped). */
  fingerprint: string;
  regions: readonly RegionTile[];
  pageCount: number;
}

/** A person placed in the sorted name list: its list page (1-based). */
export interface ListedPerson {
  person: PublicPerson;
  page: number;
}

/** Receives each file of the site as it is produced (path relative to the site root, `/`-separated). */
export type Emit = (path: string, bytes: Uint8Array) => void;

export const PAGE_SIZE = 100;
