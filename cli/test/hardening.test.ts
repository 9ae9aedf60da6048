import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const sample = 'samples/vasteras-2012.kompass';
const evaluation = (extra: string) =>
  `evaluation "A" {\n  framework "kommunkompassen-2.0"\n  ${extra}\n  area 1 score 5\n}\n`;

function kompass(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/kompass.js', ...args], {
    encoding: 'utf8',
    timeout: 20_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs the CLI with its standard output going to `fd` (a file opened by the shell). */
function kompassTo(target: string, ...args: string[]) {
  const r = spawnSync(
    'sh',
    ['-c', `"${process.execPath}" bin/kompass.js "$@" > ${target}`, 'sh', ...args],
    {
      encoding: 'utf8',
      timeout: 20_000,
    },
  );
  return { code: r.status, err: r.stderr };
}

describe('kompass CLI against hostile input', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompass-harden-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('compare targets', () => {
    it('compare "/dev/zero" is refused at once as not a regular file', () => {
      const f = join(dir, 'a.kompass');
      writeFileSync(f, evaluation('compare "/dev/zero"'));
      const started = Date.now();
      const r = kompass('check', f);
      assert.ok(Date.now() - started < 15_000);
      assert.equal(r.code, 0, r.err);
      assert.match(
        r.out,
        /KK031: Jämförelsefilen ”\/dev\/zero” kan inte läsas: ingen vanlig fil \(en enhet\)/,
      );
    });

    it('a compare target that is a FIFO does not block', () => {
      execFileSync('mkfifo', [join(dir, 'pipe.kompass')]);
      writeFileSync(join(dir, 'a.kompass'), evaluation('compare "pipe.kompass"'));
      const r = kompass('check', join(dir, 'a.kompass'));
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /ingen vanlig fil \(FIFO\)/);
    });

    it('a target whose own compare points at /dev/zero or a FIFO does not hang cycle detection', () => {
      execFileSync('mkfifo', [join(dir, 'pipe.kompass')]);
      writeFileSync(
        join(dir, 'b.kompass'),
        evaluation('compare "/dev/zero"\n  compare "pipe.kompass"'),
      );
      writeFileSync(join(dir, 'a.kompass'), evaluation('compare "b.kompass"'));
      const r = kompass('check', join(dir, 'a.kompass'));
      assert.equal(r.code, 0, r.out + r.err);
    });

    it('a huge sparse compare target is refused by its size', () => {
      writeFileSync(join(dir, 'big.kompass'), '');
      execFileSync('truncate', ['-s', '2G', join(dir, 'big.kompass')]);
      writeFileSync(join(dir, 'a.kompass'), evaluation('compare "big.kompass"'));
      const started = Date.now();
      const r = kompass('check', join(dir, 'a.kompass'));
      assert.ok(Date.now() - started < 15_000);
      assert.match(r.out, /för stor \(2147 MB > 10 MB\)/);
    });
  });

  describe('documents and folders', () => {
    it('a folder link to its parent does not make check loop', () => {
      mkdirSync(join(dir, 'd'));
      writeFileSync(
        join(dir, 'd', 'v.kompass'),
        'evaluation "V" { framework "kommunkompassen-2.0" }',
      );
      symlinkSync('..', join(dir, 'd', 'up'));
      const r = kompass('check', join(dir, 'd'));
      assert.equal(r.code, 0, r.err);
      // Counted in the document's language (Swedish).
      assert.match(r.out, / i 1 fil\n$/);
    });

    it('a document given as a FIFO is refused with exit 2, not waited for', () => {
      execFileSync('mkfifo', [join(dir, 'p.kompass')]);
      const r = kompass('check', join(dir, 'p.kompass'));
      assert.equal(r.code, 2);
      assert.match(r.err, /p\.kompass: not a regular file \(FIFO\)/);
    });

    it('128 nested areas are a KK001 with exit 1, not an internal error', () => {
      const f = join(dir, 'deep.kompass');
      writeFileSync(f, `evaluation "x" {\n${'area 1 {\n'.repeat(128)}${'}'.repeat(128)}\n}\n`);
      const r = kompass('check', f);
      assert.equal(r.code, 1, r.err);
      assert.match(r.out, /KK001: Nästlingen är djupare än 32 nivåer/);
      assert.equal(r.err, '');
    });

    it('counts every problem past the 1,000 shown, in text and in JSON', () => {
      const f = join(dir, 'many.kompass');
      // 3,000 evaluations without a framework: one KK030 error each.
      writeFileSync(f, 'evaluation "E" { area 1 { question 1.1 3/5 } }\n'.repeat(3000));
      const r = kompass('check', f);
      assert.equal(r.code, 1, r.err);
      const lines = r.out.trimEnd().split('\n');
      assert.equal(lines.length, 1001);
      assert.match(lines[999]!, /KK050: 2001 problem till visas inte/);
      assert.equal(lines[1000], '3000 fel, 0 varningar i 1 fil');
      const json = JSON.parse(kompass('check', '--format', 'json', f).out);
      assert.equal(json.items.length, 1000);
      assert.equal(json.errors, 3000);
    });

    it('a document over 10 MB is refused before it is read', () => {
      const f = join(dir, 'huge.kompass');
      writeFileSync(f, '');
      execFileSync('truncate', ['-s', '50000000', f]);
      const r = kompass('check', f);
      assert.equal(r.code, 2);
      assert.match(r.err, /too large \(50 MB > 10 MB\)/);
    });

    it('--max-size raises the 10 MB limit, for the document and its compare targets', () => {
      const big = (name: string) => {
        const f = join(dir, name);
        writeFileSync(f, evaluation('') + ' '.repeat(10_500_000));
        return f;
      };
      const f = big('big.kompass');
      big('target.kompass');
      writeFileSync(f, evaluation('compare "target.kompass"') + ' '.repeat(10_500_000));
      assert.equal(kompass('check', f).code, 2, 'refused by default');
      const r = kompass('check', '--max-size', '11MB', f);
      assert.equal(r.code, 0, r.err + r.out);
      assert.doesNotMatch(r.out, /KK031/, 'the 10.5 MB compare target is read too');
    });

    it('--max-size and KOMPASS_MAX_SIZE lower the limit; the flag wins', () => {
      const f = join(dir, 'a.kompass');
      writeFileSync(f, evaluation(''));
      const small = kompass('check', `--max-size=${Math.floor(evaluation('').length / 2)}`, f);
      assert.equal(small.code, 2);
      assert.match(small.err, /a\.kompass: .*too large|för stor/);
      const env = spawnSync(process.execPath, ['bin/kompass.js', 'check', f], {
        encoding: 'utf8',
        env: { ...process.env, KOMPASS_MAX_SIZE: '10' },
      });
      assert.equal(env.status, 2, env.stdout);
      const both = spawnSync(process.execPath, ['bin/kompass.js', 'check', '--max-size', '1M', f], {
        encoding: 'utf8',
        env: { ...process.env, KOMPASS_MAX_SIZE: '10' },
      });
      assert.equal(both.status, 0, both.stderr);
    });

    it('a --max-size that is not a positive number of bytes is a usage error', () => {
      for (const bad of ['0', '-5', 'ten', '1.5MB', '']) {
        const r = kompass('check', '--lang', 'en', '--max-size', bad, sample);
        assert.equal(r.code, 2, bad);
        assert.match(r.err, /--max-size must be a number of bytes above 0/, bad);
      }
    });
  });

  describe('exports', () => {
    it('export through a link to the source, with --force, leaves the source untouched', () => {
      const src = join(dir, 'notes.kompass');
      copyFileSync(sample, src);
      symlinkSync(src, join(dir, 'link.txt'));
      const before = readFileSync(src, 'utf8');
      const r = kompass('export', src, '--format', 'md', '-o', join(dir, 'link.txt'), '--force');
      assert.equal(r.code, 2);
      assert.match(r.err, /skriver inte över källdokumentet/);
      assert.equal(readFileSync(src, 'utf8'), before);
    });

    it('export over a hard link to the source is refused', () => {
      const src = join(dir, 'notes.kompass');
      copyFileSync(sample, src);
      execFileSync('ln', [src, join(dir, 'hard.md')]);
      const r = kompass('export', src, '--format', 'md', '-o', join(dir, 'hard.md'), '--force');
      assert.equal(r.code, 2);
      assert.match(r.err, /källdokumentet/);
    });

    it('export to a FIFO or a socket is refused, even with --force, and they stay', async () => {
      execFileSync('mkfifo', [join(dir, 'fifo')]);
      const server = createServer();
      await new Promise<void>((r) => server.listen(join(dir, 'sock'), r));
      try {
        for (const [name, kind] of [
          ['fifo', 'FIFO'],
          ['sock', 'socket'],
        ] as const) {
          const r = kompass('export', sample, '--format', 'md', '-o', join(dir, name), '--force');
          assert.equal(r.code, 2, name);
          assert.match(r.err, new RegExp(`ingen vanlig fil \\(${kind}\\)`));
        }
        assert.deepEqual(readdirSync(dir).sort(), ['fifo', 'sock']);
      } finally {
        server.close();
      }
    });

    it('exports one line of hundreds of evaluations as a complete HTML page, to a file and to stdout', () => {
      // The page is written part by part: at 10 MB (40,000 such evaluations) it is longer than
      // the longest string V8 holds, and `export` used to stop with "Invalid string length".
      const count = 400;
      const src = join(dir, 'many.kompass');
      writeFileSync(
        src,
        Array.from(
          { length: count },
          (_, i) =>
            `evaluation "Kommun ${i + 1}" { framework "kommunkompassen-2.0" area 1 score 5 area 2 score 4 } `,
        ).join(''),
      );
      const out = join(dir, 'many.html');
      const r = kompass('export', src, '--format', 'html', '-o', out);
      assert.equal(r.code, 0, r.err);
      const html = readFileSync(out, 'utf8');
      assert.equal(html.match(/<article /g)?.length, count);
      assert.match(html, /id="kk-400-summary"[\s\S]*<\/html>\n$/);
      const piped = spawnSync(
        process.execPath,
        ['bin/kompass.js', 'export', src, '--format', 'html', '-o', '-'],
        { encoding: 'utf8', maxBuffer: 1 << 28, timeout: 20_000 },
      );
      assert.equal(piped.stdout, html);
    });

    it('of two concurrent exports to one new path without --force, exactly one wins', async () => {
      for (let round = 0; round < 3; round++) {
        const out = join(dir, `r${round}.html`);
        const run = () =>
          new Promise<number | null>((resolve) => {
            const p = spawn(
              process.execPath,
              ['bin/kompass.js', 'export', sample, '--format', 'html', '-o', out],
              {
                stdio: 'ignore',
              },
            );
            p.on('exit', resolve);
          });
        const codes = await Promise.all([run(), run(), run()]);
        assert.deepEqual(codes.sort(), [0, 2, 2], `round ${round}`);
        assert.match(readFileSync(out, 'utf8'), /<\/html>/);
      }
      assert.ok(readdirSync(dir).every((n) => !n.endsWith('.tmp')));
    });
  });

  describe('standard output', () => {
    it('a full standard output (/dev/full) exits 2 with one line, no stack trace', () => {
      const r = kompassTo('/dev/full', 'check', sample);
      assert.equal(r.code, 2);
      assert.equal(r.err, 'kompass: cannot write to standard output (ENOSPC)\n');
    });

    it('a reader that goes away (EPIPE) ends the command quietly with 0', async () => {
      const p = spawn(
        process.execPath,
        ['bin/kompass.js', 'export', sample, '--format', 'html', '-o', '-'],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let err = '';
      p.stderr.on('data', (d) => {
        err += d;
      });
      p.stdout.once('data', () => p.stdout.destroy());
      const code = await new Promise<number | null>((r) => p.on('exit', r));
      assert.equal(code, 0);
      assert.equal(err, '');
    });
  });
});
