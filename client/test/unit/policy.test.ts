import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { analyzeText } from '../../../grammar/src/index';
import { renderHtmlBody, reportCss } from '../../../report/src/index';
import { launchChromium, requireChromium } from '../../../test/chromium';
import { contentSecurityPolicy, isExternalLink } from '../../src/preview/policy';

describe('preview policy', () => {
  it('opens web and mail links only', () => {
    for (const ok of ['https://skr.se', 'http://example.org/a', 'mailto:a@b.se', ' HTTPS://X.SE']) {
      assert.equal(isExternalLink(ok), true, ok);
    }
    for (const no of [
      'command:workbench.action.terminal.new',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'vscode://settings',
      'data:text/html,<script>',
      '#kk-1-area-3',
      '',
    ]) {
      assert.equal(isExternalLink(no), false, no);
    }
  });

  it('allows only nonce scripts and styles and nothing remote', () => {
    const csp = contentSecurityPolicy('https://file+.vscode-resource.test', 'abc');
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-abc'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.match(csp, /form-action 'none'/);
  });

  describe('in Chromium', function () {
    this.timeout(60_000);
    let browser: Browser | undefined;

    before(async function () {
      requireChromium(this, 'the preview policy check');
      browser = await launchChromium();
    });
    after(async () => browser?.close());

    it('runs the nonce script and blocks every other script of hostile content', async () => {
      const hostile = `evaluation "<script>window.__pwned=1</script>" {
  framework "kommunkompassen-2.0"
  summary """<img src=x onerror="window.__pwned=2"> [x](javascript:window.__pwned=3)"""
  area 1 { intro """<script>window.__pwned=4</script>""" score 5 }
}`;
      const body = renderHtmlBody(analyzeText(hostile));
      const nonce = 'n0nce';
      const page = await browser!.newPage();
      const blocked: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/.test(m.text())) blocked.push(m.text());
      });
      await page.setContent(
        `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy('https://res.test', nonce)}">
<style nonce="${nonce}">${reportCss('vscode')}</style></head>
<body>${body}<script>window.__inline=1</script><script nonce="${nonce}">window.__ours=1</script></body></html>`,
        { waitUntil: 'load' },
      );
      await page.waitForTimeout(150);
      const seen = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return { pwned: w.__pwned, inline: w.__inline, ours: w.__ours };
      });
      await page.close();
      assert.deepEqual(seen, { pwned: undefined, inline: undefined, ours: 1 });
      assert.ok(blocked.length > 0, 'the policy blocked the script without a nonce');
    });
  });
});
