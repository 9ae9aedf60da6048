// `npm start`: exports the Västerås 2012 sample in every format to out/ and prints its totals.
// out/ belongs to this job, so its files are replaced on each run (--force).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const sample = 'samples/vasteras-2012.kompass';
const formats = ['html', 'pdf', 'docx', 'md', 'json', 'csv'];

if (!existsSync('dist/cli.js')) {
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
mkdirSync('out', { recursive: true });

function kompass(args) {
  const r = spawnSync(process.execPath, ['bin/kompass.js', ...args], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`kompass ${args.join(' ')} failed with exit code ${r.status}`);
    process.exit(r.status ?? 1);
  }
}

kompass(['check', sample]);
for (const f of formats) {
  kompass(['export', sample, '--format', f, '-o', `out/vasteras-2012.${f}`, '--force']);
}
kompass(['summary', sample]);
