// Web bundle sizes from the built app (web/dist, `npm run build:web`): the gzip size of the first screen's
// JavaScript — the entry chunk and every chunk it imports statically, transitively (what the browser must fetch
// before anything shows) — against the 400 KB goal, and the total of all JavaScript (lazy pages, ECharts, ExcelJS).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const FIRST_SCREEN_GOAL_KB = 400;

const distDir = fileURLToPath(new URL('../web/dist/', import.meta.url));

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface WebBundleSizes {
  entry: string;
  firstScreenFiles: string[];
  firstScreenGzipBytes: number;
  totalJsGzipBytes: number;
  totalJsFiles: number;
}

const gzipSize = (file: string) => gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;

export function measureWebBundle(): WebBundleSizes | null {
  const manifestFile = join(distDir, '.vite', 'manifest.json');
  if (!existsSync(manifestFile)) return null;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (entryKey === undefined) return null;

  const firstScreen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || firstScreen.has(chunk.file)) return;
    firstScreen.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entryKey);

  const jsFiles = readdirSync(join(distDir, 'assets'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => `assets/${name}`);
  const firstScreenFiles = [...firstScreen].filter((file) => file.endsWith('.js'));
  return {
    entry: manifest[entryKey]?.file ?? entryKey,
    firstScreenFiles,
    firstScreenGzipBytes: firstScreenFiles.reduce((sum, file) => sum + gzipSize(file), 0),
    totalJsGzipBytes: jsFiles.reduce((sum, file) => sum + gzipSize(file), 0),
    totalJsFiles: jsFiles.length,
  };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

export async function benchWebBundle(): Promise<string[]> {
  const sizes = measureWebBundle();
  if (sizes === null) return ['web bundle: web/dist not built (run `npm run build:web`) — skipped'];
  const verdict = sizes.firstScreenGzipBytes <= FIRST_SCREEN_GOAL_KB * 1024 ? 'ok' : `over the ${FIRST_SCREEN_GOAL_KB} KB goal`;
  return [
    `web first screen JS ${kb(sizes.firstScreenGzipBytes)} gzip in ${sizes.firstScreenFiles.length} files (${verdict}, goal ≤ ${FIRST_SCREEN_GOAL_KB} KB)`,
    `web total JS ${kb(sizes.totalJsGzipBytes)} gzip in ${sizes.totalJsFiles} files (pages, ECharts and ExcelJS load on demand)`,
  ];
}

// `npx tsx bench/web-bundle.ts` prints the figures on its own.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of await benchWebBundle()) console.log(line);
}
