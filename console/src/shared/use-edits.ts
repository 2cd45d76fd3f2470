import type { Dispatch, SetStateAction } from 'react';
import { useEffect, useRef, useState } from 'react';

/**
 * What an editor page's user is changing: seeded once from the first load, then only theirs. A
 * later reload (after a refused save) refreshes what the changes are computed against, never the
 * edits, so the user can try again.
 */
export function useEdits<L, T>(loaded: L | undefined, seed: (loaded: L) => T): [T | undefined, Dispatch<SetStateAction<T | undefined>>] {
  const [edits, setEdits] = useState<T>();
  const seedRef = useRef(seed);
  seedRef.current = seed;
  useEffect(() => {
    if (loaded !== undefined && edits === undefined) setEdits(seedRef.current(loaded));
  }, [loaded, edits]);
  return [edits, setEdits];
}
