// Loaded with `node --import` when GNU time is not available: writes this process's peak RSS
// (in KiB, like GNU time's %M) to $BENCH_RSS_FILE as it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, `${process.resourceUsage().maxRSS}\n`);
});
