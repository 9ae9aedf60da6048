import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the built CLI with `LANG` set as given (unset when undefined). */
function kompass(lang: string | undefined, ...args: string[]) {
  const env = { ...process.env };
  delete env.LANG;
  delete env.LC_ALL;
  if (lang !== undefined) env.LANG = lang;
  const r = spawnSync(process.execPath, ['bin/kompass.js', ...args], {
    encoding: 'utf8',
    timeout: 30_000,
    env,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const swedishDoc = 'samples/vasteras-2012.kompass';
const englishDoc = 'samples/exempelby-2014.kompass';

describe('kompass CLI: one language, exit codes, friendly errors', function () {
  this.timeout(120_000);
  let dir: string;

  before(() => {
    const b = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
    assert.equal(b.status, 0, b.stderr);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kompass-lang-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('--lang, the document language, LANG', () => {
    it('--lang sv|en chooses the help text', () => {
      assert.match(kompass('C', '--lang', 'sv', '--help').out, /^Användning: kompass <kommando>/);
      assert.match(kompass('sv_SE.UTF-8', '--lang=en', '--help').out, /^Usage: kompass <command>/);
    });

    it('LANG decides before any document is read', () => {
      const sv = kompass('sv_SE.UTF-8', 'check', join(dir, 'saknas.kompass'));
      assert.equal(sv.code, 2);
      assert.match(sv.err, /saknas\.kompass: filen eller mappen finns inte\n$/);
      const en = kompass('en_GB.UTF-8', 'check', join(dir, 'saknas.kompass'));
      assert.match(en.err, /saknas\.kompass: no such file or folder\n$/);
      assert.match(kompass(undefined, '--help').out, /^Usage/);
    });

    it('the document language words the output when --lang is absent', () => {
      assert.equal(kompass('en_GB.UTF-8', 'check', swedishDoc).out, '0 fel, 0 varningar i 1 fil\n');
      assert.match(
        kompass('sv_SE.UTF-8', 'check', englishDoc).out,
        /errors?, \d+ warnings? in 1 file\n$/,
      );
      assert.match(kompass('C', 'summary', swedishDoc).out, /^Totalt 561\/800 \(70\s%\)$/m);
    });

    it('--lang words messages, counts and table headers, over the document language', () => {
      const check = kompass(
        'sv_SE.UTF-8',
        '--lang',
        'en',
        'check',
        'samples/alla-diagnostiker.kompass',
      );
      assert.equal(check.code, 1);
      assert.match(check.out, /error KK010: 16 points exceed the max 15 of question 1\.1/);
      assert.match(check.out, /\d+ errors, \d+ warnings in 1 file\n$/);
      const summary = kompass('C', 'summary', swedishDoc, '--lang', 'en');
      assert.match(summary.out, /^ +Area +Score +Max +Percent$/m);
      assert.match(summary.out, /^Total 561\/800 \(70%\)$/m);
      const sv = kompass('C', 'summary', englishDoc, '--lang', 'sv');
      assert.match(sv.out, /^ +Område +Poäng +Max +Procent$/m);
    });

    it('refuses a language it does not speak with exit 2', () => {
      const r = kompass('C', '--lang', 'fr', 'check', swedishDoc);
      assert.equal(r.code, 2);
      assert.equal(r.err, 'kompass: --lang must be sv or en, not fr\n');
    });
  });

  describe('exit codes', () => {
    it('no command is 2, --help and --version are 0, an unknown command is 2', () => {
      assert.equal(kompass('C').code, 2);
      assert.equal(kompass('C', '--help').code, 0);
      assert.equal(kompass('C', '--version').code, 0);
      const r = kompass('C', 'frobnicate');
      assert.equal(r.code, 2);
      assert.match(r.err, /unknown command "frobnicate"/);
    });

    it('check: 0 clean, 1 errors, 2 could not run', () => {
      assert.equal(kompass('C', 'check', swedishDoc).code, 0);
      assert.equal(kompass('C', 'check', 'samples/alla-diagnostiker.kompass').code, 1);
      assert.equal(kompass('C', 'check').code, 2);
      assert.equal(kompass('C', 'check', '--format', 'xml', swedishDoc).code, 2);
    });

    it('summary: 1 with errors, saying why on stderr; 2 when nothing could be read', () => {
      assert.equal(kompass('C', 'summary', swedishDoc).code, 0);
      const r = kompass('C', 'summary', 'samples/alla-diagnostiker.kompass');
      assert.equal(r.code, 1);
      assert.match(r.out, /^Felby kommun/);
      assert.match(
        r.err,
        /^samples\/alla-diagnostiker\.kompass: \d+ fel; se kompass check samples\/alla-diagnostiker\.kompass\n$/,
      );
      const empty = join(dir, 'tom.kompass');
      writeFileSync(empty, '// ingenting här\n');
      const none = kompass('C', 'summary', empty);
      assert.equal(none.code, 2);
      assert.match(
        none.err,
        /tom\.kompass: innehåller ingen utvärdering|tom\.kompass: holds no evaluation/,
      );
    });

    it('export: writes the report of a document with errors, exits 1 and lists the errors', () => {
      const out = join(dir, 'fel.md');
      const r = kompass(
        'C',
        'export',
        'samples/alla-diagnostiker.kompass',
        '--format',
        'md',
        '-o',
        out,
      );
      assert.equal(r.code, 1);
      assert.ok(existsSync(out), 'the report is written');
      assert.ok(readFileSync(out, 'utf8').length > 100);
      const lines = r.err.trimEnd().split('\n');
      assert.match(lines[0]!, /^skrev .*fel\.md$/);
      assert.match(
        r.err,
        /^samples\/alla-diagnostiker\.kompass:19:84: error KK010: 16 poäng överstiger max 15 för fråga 1\.1$/m,
      );
      assert.ok(
        lines
          .slice(1, -1)
          .every((l) => /^samples\/alla-diagnostiker\.kompass:\d+:\d+: error KK\d{3}: /.test(l)),
      );
      assert.match(
        lines.at(-1)!,
        /^samples\/alla-diagnostiker\.kompass: \d+ fel \(se ovan\); rapporten listar dem också$/,
      );
    });

    it('export: 0 for a clean document, 2 for a bad format or output', () => {
      const ok = kompass('C', 'export', swedishDoc, '--format', 'json', '-o', join(dir, 'v.json'));
      assert.equal(ok.code, 0, ok.err);
      assert.equal(kompass('C', 'export', swedishDoc, '--format', 'xml').code, 2);
      assert.equal(
        kompass('C', 'export', swedishDoc, '--format', 'json', '-o', join(dir, 'v.json')).code,
        2,
      );
    });
  });

  describe('friendly file errors', () => {
    it('never shows raw Node error text', () => {
      const missing = join(dir, 'finns-inte.kompass');
      for (const args of [
        ['check', missing],
        ['summary', missing],
        ['export', missing, '--format', 'html'],
        ['export', swedishDoc, '--format', 'html', '-o', join(dir, 'nej', 'x.html')],
      ]) {
        const r = kompass('sv_SE.UTF-8', ...args);
        assert.equal(r.code, 2, args.join(' '));
        assert.doesNotMatch(r.err, /ENOENT|EACCES|Error:|at .*\.js/);
        assert.match(r.err, /^kompass: .+ (finns inte|mappen .* finns inte)\n$/);
      }
    });

    it('says a folder is a folder and an existing output needs --force', () => {
      const folder = kompass('en_GB.UTF-8', 'export', 'samples', '--format', 'html');
      assert.equal(folder.code, 2);
      assert.match(folder.err, /^kompass: samples: /);
      const target = join(dir, 'x.html');
      writeFileSync(target, 'keep me');
      const exists = kompass('C', 'export', swedishDoc, '--format', 'html', '-o', target);
      assert.equal(exists.code, 2);
      assert.match(exists.err, /x\.html: finns redan \(använd --force för att skriva över\)/);
      assert.equal(readFileSync(target, 'utf8'), 'keep me');
    });
  });
});
