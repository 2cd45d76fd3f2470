import { readFileSync } from 'node:fs';
import { checkStateFile } from '../store/check-state-file.js';
import type { StateFile } from '../store/state-file.js';
import { StateFileError } from '../store/state-file.js';
import { problem } from './server-access.js';

/** A checked state file and the text it was read from (`serve --seed` records the text's digest). */
export interface ReadStateFile {
  readonly file: StateFile;
  readonly text: string;
}

/**
 * Reads and checks a state file (`-` is standard input). Every complaint names the file, and the
 * entry when the file is at fault: `world.json: resources[12] (subnet subnet-…): vpcId … is not in the file`.
 */
export function readStateFile(path: string): ReadStateFile {
  let text: string;
  try {
    text = readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (err) {
    problem(`cannot read ${path}: ${(err as Error).message}`);
  }
  try {
    return { file: checkStateFile(text, Date.now()), text };
  } catch (err) {
    // On one line: JSON.parse's complaint may quote the text it choked on, newlines and all.
    if (err instanceof StateFileError) problem(`${path === '-' ? 'standard input' : path}: ${err.message.replace(/\s*\n\s*/g, ' ')}`);
    throw err;
  }
}
