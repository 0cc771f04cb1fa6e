import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, static or dynamic. */
function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found = [...text.matchAll(/(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)];
  return found.map((m) => (m[1] ?? m[2] ?? m[3])!);
}

/** The top-level folder a relative import lands in (src, storage, adapters/slack, …). */
function target(file: string, spec: string): string {
  const path = relative(root, resolve(root, file, '..', spec)).split(sep);
  return path[0] === 'adapters' ? `adapters/${path[1]}` : path[0]!;
}

const isBuiltin = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec);

describe('architecture boundaries', () => {
  it('keeps the core free of adapters, storage and platform libraries', () => {
    const offending = sources('src').flatMap((file) =>
      imports(file)
        .filter((spec) => (spec.startsWith('.') ? target(file, spec) !== 'src' : spec !== 'zod' && !isBuiltin(spec)))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('keeps storage free of adapters', () => {
    const offending = sources('storage').flatMap((file) =>
      imports(file)
        .filter((spec) => spec.startsWith('.') && !['src', 'storage'].includes(target(file, spec)))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('lets only the CLI, the composition root, reach storage', () => {
    const offending = sources('adapters').flatMap((file) =>
      imports(file)
        .filter((spec) => spec.startsWith('.') && target(file, spec) === 'storage' && !file.startsWith(`adapters${sep}cli`))
        .map((spec) => `${file} imports ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('sees the imports it checks (the scanner is not blind)', () => {
    expect(imports('storage/index.ts')).toContain('./migrations/index.ts');
    expect(imports('adapters/cli/database.ts')).toContain('../../storage/index.ts');
    expect(target('adapters/cli/database.ts', '../../storage/index.ts')).toBe('storage');
  });
});
