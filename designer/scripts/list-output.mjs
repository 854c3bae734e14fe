// Prints every file under a folder, one path per line relative to the current directory, with forward slashes.
// designer.targets uses it to list what Vite just wrote: MSBuild's own globs reuse the directory listing read when
// the project was evaluated, so files written by the build itself (new hashed names) would be missed.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = process.argv[2] ?? 'wwwroot';
for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
  if (entry.isFile()) console.log(relative(process.cwd(), join(entry.parentPath, entry.name)).split('\\').join('/'));
}
