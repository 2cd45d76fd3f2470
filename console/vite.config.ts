import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// scripts/build-console.mjs runs this from the repository root; the console's sources sit next to
// this file and its build lands in dist/console, which the server serves at /.
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ command }) => {
  // Vite builds React's development flavour whenever NODE_ENV is set to anything but production
  // (vitest sets it to test). What ships must not depend on the shell: a build is a production
  // build. Vite reads NODE_ENV after loading this file, so setting it here is early enough.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root,
    base: '/',
    plugins: [react()],
    build: {
      outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
      emptyOutDir: true,
      // The AWS SDK and Cloudscape are large; a self-hosted console is loaded once over a local link.
      chunkSizeWarningLimit: 4096,
      sourcemap: false,
    },
  };
});
