// The generated model files must match what scripts/gen-model.py produces from the installed botocore.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

function genModel(cwd: string, ...args: string[]) {
  return spawnSync('python3', [join(cwd, 'scripts', 'gen-model.py'), ...args], { cwd, encoding: 'utf8' });
}

describe('scripts/gen-model.py', () => {
  it('--check passes: the committed model files are up to date', () => {
    const result = genModel(root, '--check');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('--check fails on a stale file and leaves it alone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-model-'));
    try {
      cpSync(join(root, 'scripts'), join(dir, 'scripts'), { recursive: true });
      cpSync(join(root, 'src', 'protocol', 'model'), join(dir, 'src', 'protocol', 'model'), { recursive: true });
      const types = join(dir, 'src', 'protocol', 'model', 'ec2-types.ts');
      writeFileSync(types, '// stale\n');
      const result = genModel(dir, '--check');
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('src/protocol/model/ec2-types.ts');
      expect(readFileSync(types, 'utf8')).toBe('// stale\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
