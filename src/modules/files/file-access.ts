import type { Ctx } from '../../server/context.ts';
import type { FileMeta } from './file-meta.ts';

/** Whether the caller may download a file attached to an object of this kind. */
export type FileReadRule = (ctx: Ctx, file: FileMeta) => Promise<boolean>;

const readRules = new Map<string, FileReadRule>();

/**
 * Declares a kind of file owner (an upload `purpose`, e.g. "portfolio") and who may download its
 * files once attached. Call it once, at the top level of the owning module's module.ts.
 * Uploads are refused for kinds nobody registered, and files of them are never served to others.
 */
export function registerFileAccess(kind: string, canRead: FileReadRule): void {
  if (!/^[a-z][a-z0-9_.-]{0,39}$/.test(kind)) throw new RangeError(`Bad file owner kind "${kind}"`);
  const existing = readRules.get(kind);
  if (existing && existing !== canRead) {
    throw new Error(
      `File owner kind "${kind}" is already registered (register once, at module top level, not in routes())`,
    );
  }
  readRules.set(kind, canRead);
}

export const isRegisteredFileKind = (kind: string): boolean => readRules.has(kind);

export const registeredFileKinds = (): string[] => [...readRules.keys()].sort();

/** The uploader always may; anyone else only through the kind's rule, and only once attached. */
export async function canReadFile(ctx: Ctx, file: FileMeta): Promise<boolean> {
  if (ctx.actor && ctx.actor.userId === file.uploadedBy) return true;
  if (file.ownerId === null) return false;
  const rule = readRules.get(file.ownerKind);
  return rule ? rule(ctx, file) : false;
}
