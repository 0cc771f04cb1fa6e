import type { PartProgress } from '../ports/delivery.ts';
import type { DigestModel } from '../digest/model.ts';
import type { Locale } from '../i18n/locale.ts';

/**
 * A platform's digest packer: lays the digest out as the parts its size limit allows (Block Kit
 * messages for Slack, Adaptive Cards for Teams), in reading order, never dropping anything. The
 * parts then go out through `partsLeft`, whose progress the outbox keeps.
 */
export type DigestPacker<Part> = (digest: DigestModel, options: { locale: Locale; timeZone: string }) => Part[];

/** What is left of a message to send, and how each accepted part is recorded. */
export interface PartsLeft<P> {
  /** The parts not yet accepted, in order. */
  left: P[];
  /** Called the moment the platform accepts `left[index]`. */
  accepted(index: number): Promise<void>;
}

/**
 * The same for both platforms: a message in one part is the outbox's to record (sent or not), so
 * only one in several keeps its progress, in the outbox row, part by part. A retry starts at the
 * first part not accepted; one after the last part was accepted (but the outbox could not mark the
 * message sent) has nothing left and posts nothing again.
 */
export function partsLeft<P>(parts: readonly P[], progress: PartProgress | undefined): PartsLeft<P> {
  if (parts.length <= 1 || !progress) return { left: [...parts], accepted: async () => undefined };
  const from = Math.min(progress.sent, parts.length);
  return { left: parts.slice(from), accepted: (index) => progress.record(from + index + 1) };
}
