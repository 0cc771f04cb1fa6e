import type { DocumentKind } from '../domain/document.ts';
import type { WeeklyVoters } from '../public/model.ts';

/** A published document as stored: its bytes are read separately, only when the file is asked for. */
export interface StoredDocument {
  id: number;
  title: string;
  /** YYYY-MM-DD: the date of the meeting or presentation. */
  date: string;
  kind: DocumentKind;
  /** Null for a file kept in the database. */
  url: string | null;
  size: number;
  createdAt: Date;
}

export interface NewDocument {
  title: string;
  date: string;
  kind: DocumentKind;
  url: string | null;
  content: Uint8Array | null;
  createdAt: Date;
}

export interface DocumentStore {
  add(input: NewDocument): Promise<StoredDocument>;
  list(): Promise<StoredDocument[]>;
  get(id: number): Promise<StoredDocument | null>;
  remove(id: number): Promise<boolean>;
  /** The stored bytes of a file (null for a link or an unknown id). */
  content(id: number): Promise<Uint8Array | null>;
}

/** What the public site reads besides the published export. */
export interface PublicSiteStore {
  /** People who voted, per week (Monday, UTC), counted once a week however often they voted. */
  weeklyVoters(): Promise<WeeklyVoters[]>;
  /**
   * A token that changes whenever anything is committed to the data, by this process or another
   * (the console in a second terminal), so the page is rendered again only after a change.
   */
  version(): string;
}
