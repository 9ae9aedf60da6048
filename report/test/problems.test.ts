import assert from 'node:assert/strict';
import { analyzeText } from '../../grammar/src/index';
import { renderHtmlBody } from '../../report/src/index';

const warningsOnly = `evaluation "E" {
  framework "kommunkompassen-2.0"
  area 1 {
    question 1.1 14/15
  }
}
`;

describe('report: the problem box', () => {
  it('is one collapsed line for warnings, styled as warnings, each problem with its line', () => {
    const html = renderHtmlBody(analyzeText(warningsOnly), { sourceText: warningsOnly });
    const box =
      /<details class="kk-problems ([^"]+)" id="kk-problems"[^>]*>[\s\S]*?<\/details>/.exec(html);
    assert.ok(box, 'a details element');
    assert.equal(box[1], 'kk-problems-warnings');
    assert.doesNotMatch(box[0], /^<details[^>]* open/, 'collapsed');
    assert.match(box[0], /<summary>.*>11 varningar, 0 fel<\/span><\/summary>/);
    assert.match(box[0], /<li data-kk-line="\d+"><span class="kk-warning">/);
    assert.doesNotMatch(box[0], /class="kk-error"/);
  });

  it('is open and styled as errors when the document has errors', () => {
    const text = warningsOnly.replace('14/15', '16/15');
    const html = renderHtmlBody(analyzeText(text), { sourceText: text });
    assert.match(
      html,
      /<details class="kk-problems kk-problems-errors" id="kk-problems"[^>]* open>/,
    );
    assert.match(
      html,
      /<li data-kk-line="4"><span class="kk-error"><strong>fel<\/strong><\/span> <code>KK010<\/code>/,
    );
  });

  it('counts every problem past the 1,000 listed', () => {
    const text = 'evaluation "E" { area 1 { question 1.1 3/5 } }\n'.repeat(1500);
    const html = renderHtmlBody(analyzeText(text), { sourceText: text });
    assert.match(html, /<summary>.*>0 varningar, 1500 fel<\/span><\/summary>/);
    assert.match(html, /KK050/);
  });
});
