// Directory changes made over the API, kept in the state store so they survive
// restarts, and how they combine with directory.yaml:
// - `PUT /v1/directory` replaces the base (kv `directory/put`, with a hash of the
//   file it replaced) and clears every patch. It stays the base until
//   directory.yaml changes on disk; then the file is the base again.
// - `PATCH /v1/users/{id}` changes one user (kv `directory/patches`, by user id).
//   Patches accumulate (later values win; `fields` merge, a null field removes
//   it) and apply on top of whichever base is in force, file edits included,
//   until the next PUT. A patch for a user the base no longer has is skipped.
// Everything works on the plain (YAML/JSON) form, so the result goes through the
// same validation as the file. With replicas sharing one store, a change is made
// under the `directory` lock and published (topic `directory`): every replica
// rebuilds its version from the stored overlay when it hears of it.
import { createHash } from 'node:crypto';
import { parsePlain } from '../compiler/yaml-plain';
import { z } from 'zod';
import type { Json } from '../runtime/state/store';
import { type Transaction } from '../api';

const PUT_KEY = 'directory/put';
const PATCHES_KEY = 'directory/patches';
/** The lock every overlay change holds, and the topic it publishes. */
export const OVERLAY_LOCK = 'directory';
export const OVERLAY_TOPIC = 'directory';

/** `PATCH /v1/users/{id}`: what may change about one user. */
export const UserPatch = z.strictObject({
  status: z.enum(['available', 'away', 'busy', 'offline']).optional(),
  checked_in: z.boolean().optional(),
  active: z.boolean().optional(),
  leave: z.array(z.strictObject({ from: z.string(), to: z.string() })).optional(),
  /** Values for `schema user`; null removes a field. */
  fields: z.record(z.string(), z.unknown()).optional(),
  open_load: z.number().int().min(0).optional(),
});
export type UserPatch = z.infer<typeof UserPatch>;

/** The persisted API changes. */
export interface Overlay {
  put: { raw: Json; fileHash: string } | null;
  patches: Record<string, UserPatch>;
}

/** A stable fingerprint of the directory file's text (empty text when there is no file). */
export function fileHash(text: string | null): string {
  return createHash('sha256').update(text ?? '').digest('hex');
}

/** Reads the overlay. */
export async function readOverlay(tx: Transaction): Promise<Overlay> {
  const [put, patches] = await tx.getMany([PUT_KEY, PATCHES_KEY]);
  return {
    put: (put as Overlay['put'] | undefined) ?? null,
    patches: ((patches as Record<string, UserPatch> | undefined) ?? {}) as Record<string, UserPatch>,
  };
}

/** Writes the overlay (a null `put` removes it) under its lock, and tells the other replicas. */
export async function writeOverlay(tx: Transaction, overlay: Overlay): Promise<void> {
  await tx.lock([OVERLAY_LOCK]);
  if (overlay.put) await tx.put(PUT_KEY, overlay.put as unknown as Json);
  else await tx.delete(PUT_KEY);
  await tx.put(PATCHES_KEY, overlay.patches as unknown as Json);
  await tx.publish(OVERLAY_TOPIC);
}

/** Combines an earlier patch of a user with a new one. */
export function mergePatch(earlier: UserPatch | undefined, next: UserPatch): UserPatch {
  const merged: UserPatch = { ...earlier, ...next };
  if (earlier?.fields || next.fields) merged.fields = { ...earlier?.fields, ...next.fields };
  return merged;
}

/** The plain form of directory.yaml (the empty directory when there is no file). */
export function rawFromYaml(text: string | null): unknown {
  if (text === null || text.trim() === '') return {};
  return parsePlain(text) ?? {};
}

/**
 * Applies patches to a plain directory (a deep copy is returned). Users missing
 * from the base are listed in `skipped`.
 */
export function applyPatches(raw: unknown, patches: Record<string, UserPatch>): { raw: unknown; skipped: string[] } {
  const copy = structuredClone(raw) as { users?: unknown };
  const users = Array.isArray(copy?.users) ? (copy.users as Record<string, unknown>[]) : [];
  const skipped: string[] = [];
  for (const [id, patch] of Object.entries(patches)) {
    const user = users.find((u) => typeof u === 'object' && u !== null && u.id === id);
    if (!user) {
      skipped.push(id);
      continue;
    }
    const { fields, ...rest } = patch;
    Object.assign(user, rest);
    if (fields) {
      const merged = { ...(typeof user.fields === 'object' && user.fields !== null ? (user.fields as Record<string, unknown>) : {}) };
      for (const [name, value] of Object.entries(fields)) {
        if (value === null) delete merged[name];
        else merged[name] = value;
      }
      user.fields = merged;
    }
  }
  return { raw: copy, skipped };
}

/** True when the plain directory has a user with this id. */
export function hasUser(raw: unknown, id: string): boolean {
  const users = (raw as { users?: unknown } | null)?.users;
  return Array.isArray(users) && users.some((u) => typeof u === 'object' && u !== null && (u as { id?: unknown }).id === id);
}
