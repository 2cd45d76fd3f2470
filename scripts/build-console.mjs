// Builds the web console (console/ -> dist/console) with Vite, but only when its sources changed
// since the last build, so `npm start` stays quick after the first time.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'console');
const out = join(root, 'dist/console');
const marker = join(out, 'index.html');

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

if (!existsSync(src)) {
  console.log('build-console: no console/ folder, nothing to build');
} else if (existsSync(marker) && statSync(marker).mtimeMs >= Math.max(newest(src), statSync(join(root, 'package-lock.json')).mtimeMs)) {
  // Up to date.
} else {
  await build({ configFile: join(src, 'vite.config.ts'), logLevel: 'warn' });
}
