import assert from 'node:assert/strict';
import { runPipeline } from './pipeline';

// Minimal inputs the fuzzer found, reduced by hand; each must pass the whole pipeline and its
// properties. A number of 309 digits is past Number.MAX_VALUE and reads as Infinity; a dotted
// number (a question number) where a score is expected reads as NaN.
const huge = '9'.repeat(309);
const kk20 = 'framework "kommunkompassen-2.0"';

const cases: { name: string; text: string }[] = [
  {
    name: 'a stated area score too large for a double',
    text: `evaluation "X" {\n  ${kk20}\n  area 1 score ${huge}\n}\n`,
  },
  {
    name: 'question points too large for a double',
    text: `evaluation "X" {\n  ${kk20}\n  area 1 {\n    question 1.1 ${huge}/15\n  }\n}\n`,
  },
  {
    name: 'a stated total too large for a double',
    text: `evaluation "X" {\n  ${kk20}\n  total ${huge}\n}\n`,
  },
  {
    name: 'a framework area max too large for a double',
    text: `framework "f" {\n  area 1 max ${huge}\n}\nevaluation "X" {\n  framework "f"\n  area 1 score 5\n}\n`,
  },
  {
    name: 'a framework question max too large for a double',
    text: `framework "f" {\n  area 1 {\n    question 1.1 max ${huge}\n  }\n}\nevaluation "X" {\n  framework "f"\n  area 1 {\n    question 1.1 5\n  }\n}\n`,
  },
  {
    name: 'a stated question max too large for a double, without a framework',
    text: `evaluation "X" {\n  area 1 {\n    question 1.1 5/${huge}\n  }\n}\n`,
  },
  {
    name: 'a quoted stated total too large for a double (KK005 counts no Infinity)',
    text: `evaluation "X" {\n  ${kk20}\n  total "${huge}"\n}\n`,
  },
  {
    name: 'quoted question points too large for a double',
    text: `evaluation "X" {\n  ${kk20}\n  area 1 {\n    question 1.1 "${huge}"/15\n  }\n}\n`,
  },
  {
    name: 'a dotted number as the stated total',
    text: `evaluation "X" {\n  ${kk20}\n  total 1.2.3\n}\n`,
  },
  {
    name: 'a dotted number as a stated area score',
    text: `evaluation "X" {\n  ${kk20}\n  area 7 score 1.2.3\n}\n`,
  },
  {
    name: 'a dotted number as a stated area score beside questions',
    text: `evaluation "X" {\n  ${kk20}\n  area 7 {\n    score 1.2.3\n    question 7.1 5\n  }\n}\n`,
  },
];

describe('fuzz regressions', () => {
  for (const c of cases) {
    it(c.name, async () => {
      await assert.doesNotReject(runPipeline(c.text, { renderers: 'all' }));
    });
  }
});
