import { accessSync, constants, existsSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Why a store file cannot be written, in words a person can act on, or undefined when nothing
 * says it cannot: a read-only file system (access(2) answers EROFS), no permission, or a disk
 * with no free block. Looks at the file when it exists, else at the folder it would be made in.
 */
export function whyNotWritable(file: string): string | undefined {
  const target = existsSync(file) ? file : dirname(file);
  try {
    accessSync(target, constants.W_OK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EROFS') return 'the file system is read-only';
    if (code === 'EACCES' || code === 'EPERM') return `permission denied: this user (uid ${process.getuid?.() ?? '?'}) cannot write ${target}`;
    return (err as Error).message;
  }
  try {
    if (statfsSync(dirname(file)).bavail === 0) return 'the disk is full';
  } catch {
    // No figures for this file system: nothing more to say.
  }
  return undefined;
}
