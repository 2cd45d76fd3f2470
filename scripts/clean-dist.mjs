// `npm pack` and `npm publish` run this (prepack) just before `prepare` builds, so the tarball is
// compiled from the current sources only. tsc's incremental build keeps dist/.tsbuildinfo and never
// deletes the output of a source file that was removed or renamed: without a clean start, such
// stale modules would ship. Removing the whole folder also drops the tsbuildinfo, or tsc would
// think its (deleted) outputs were still current and emit nothing.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

rmSync(resolve(import.meta.dirname, '../dist'), { recursive: true, force: true });
