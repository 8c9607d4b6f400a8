// The floor a full check is measured against: read every config file under the overlays and
// parse it with yaml's parseDocument, nothing else. Run as its own process, like the CLI.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';

const root = process.argv[2];
const CONFIG_FILE = /\.(ya?ml|json)$/i;

function walk(directory, files) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const absolute = path.join(directory, entry.name);
    if (entry.isDirectory()) walk(absolute, files);
    else if (CONFIG_FILE.test(entry.name)) files.push(absolute);
  }
  return files;
}

let nodes = 0;
for (const file of walk(path.join(root, 'kubernetes', 'overlays'), [])) {
  const document = parseDocument(readFileSync(file, 'utf8'));
  if (document.contents) nodes++;
}
process.stdout.write(`${nodes} documents\n`);
