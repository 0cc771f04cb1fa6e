import { ZipFile } from 'yazl';
import { colorIcon, outlineIcon } from './icons.ts';
import { buildEnglishLocalization, buildManifest, ENGLISH_FILE, ICON_FILES, type ManifestInput } from './manifest.ts';

/** The files of the app package, at the zip's root as Teams expects them. */
export function packageFiles(input: ManifestInput): Record<string, Buffer> {
  const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  return {
    'manifest.json': json(buildManifest(input)),
    [ENGLISH_FILE]: json(buildEnglishLocalization()),
    [ICON_FILES.color]: colorIcon(),
    [ICON_FILES.outline]: outlineIcon(),
  };
}

/** The Teams app package: the zip an operator uploads in Teams (Apps → Manage your apps → Upload). */
export function buildTeamsPackage(input: ManifestInput): Promise<Buffer> {
  const zip = new ZipFile();
  // A fixed time keeps the same input's package byte-for-byte the same.
  const mtime = new Date('2026-01-01T00:00:00Z');
  for (const [name, data] of Object.entries(packageFiles(input))) zip.addBuffer(data, name, { mtime });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
