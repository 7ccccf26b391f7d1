/**
 * A file-system error in words a person acts on: "no such file or folder" instead of ENOENT.
 * Messages name the path themselves, so only the reason is returned.
 */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'not a folder (or a part of the path is a file)',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
  EBUSY: 'the file is in use by another program',
  ENAMETOOLONG: 'the path is too long',
};

export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return (code && REASONS[code]) ?? (e as Error)?.message ?? String(e);
}
