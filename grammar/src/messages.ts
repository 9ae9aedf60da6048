import type { MessageLanguage } from './language';
import { formatNumber } from './numbers';
import type { SyntaxIssue } from './parse';
import { keywordSpecByName } from './tokens';

type Text = { sv: string; en: string };

const q = (lang: MessageLanguage, s: string): string => (lang === 'sv' ? `”${s}”` : `“${s}”`);

function tokenName(name: string, lang: MessageLanguage): string {
  const spec = keywordSpecByName.get(name);
  if (spec) return lang === 'sv' ? spec.sv : spec.en;
  const names: Record<string, Text> = {
    RCurly: { sv: '}', en: '}' },
    LCurly: { sv: '{', en: '{' },
    Comma: { sv: ',', en: ',' },
    Slash: { sv: '/', en: '/' },
    StringLike: { sv: 'en sträng', en: 'a string' },
    StringLiteral: { sv: 'en sträng', en: 'a string' },
    TextBlock: { sv: 'ett textblock', en: 'a text block' },
    NumberLiteral: { sv: 'ett tal', en: 'a number' },
    DateLiteral: { sv: 'ett datum (ÅÅÅÅ-MM-DD)', en: 'a date (YYYY-MM-DD)' },
    Identifier: { sv: 'en språkkod', en: 'a language code' },
    EOF: { sv: 'filens slut', en: 'the end of the file' },
  };
  return names[name]?.[lang] ?? name;
}

function list(items: string[], lang: MessageLanguage): string {
  if (items.length <= 1) return items.join('');
  const or = lang === 'sv' ? ' eller ' : ' or ';
  return `${items.slice(0, -1).join(', ')}${or}${items[items.length - 1]}`;
}

/** The KK001 message for a syntax error. */
export function syntaxMessage(e: SyntaxIssue, lang: MessageLanguage): string {
  const p = e.problem;
  const found = e.found === undefined ? tokenName('EOF', lang) : q(lang, e.found);
  const t = (sv: string, en: string) => (lang === 'sv' ? sv : en);
  switch (p.kind) {
    case 'badCharacter':
      return t(`Okänt tecken ${q(lang, p.text)}`, `Unexpected character ${q(lang, p.text)}`);
    case 'unterminatedString':
      return p.wrongClose
        ? t(
            `Strängen börjar med ${p.open} men slutar med ${p.wrongClose}; avsluta den med ${p.close}`,
            `The string opens with ${p.open} but ends with ${p.wrongClose}; close it with ${p.close}`,
          )
        : t(
            `Strängen saknar avslutande citattecken ${p.close}`,
            `The string is missing its closing quote ${p.close}`,
          );
    case 'unterminatedTextBlock':
      return t('Textblocket saknar avslutande """', 'The text block is missing its closing """');
    case 'unterminatedComment':
      return t('Kommentaren saknar avslutande */', 'The comment is missing its closing */');
    case 'expectedTopLevel':
      return t(
        `Väntade evaluation, utvärdering, framework eller ramverk men fann ${found}`,
        `Expected evaluation or framework but found ${found}`,
      );
    case 'misspelledKeyword':
      return t(
        `Okänt ord ${found}; menade du ${q(lang, p.suggestion)}?`,
        `Unknown word ${found}; did you mean ${q(lang, p.suggestion)}?`,
      );
    case 'stringForNumber':
      return p.number !== undefined
        ? t(
            `Här ska det stå ett tal, inte en sträng: skriv ${p.number} utan citattecken`,
            `A number belongs here, not a string: write ${p.number} without quotes`,
          )
        : t(
            `Här ska det stå ett tal, inte strängen ${found}`,
            `A number belongs here, not the string ${found}`,
          );
    case 'numberTooLarge':
      return t('Talet är för stort', 'The number is too large');
    case 'notAValue':
      return t(
        `${found} är ett frågenummer, inget tal; skriv t.ex. 14 eller 14.5`,
        `${found} is a question number, not a value; write e.g. 14 or 14.5`,
      );
    case 'redundant':
      return t(`Oväntat ${found}`, `Unexpected ${found}`);
    case 'tooDeep':
      return t(
        `Nästlingen är djupare än ${p.limit} nivåer; det som ligger djupare läses inte`,
        `Nesting deeper than ${p.limit} levels; what lies deeper is not read`,
      );
    default: {
      // A string is read where a number belongs only to say it should not be there.
      const names = p.expected.includes('NumberLiteral')
        ? p.expected.filter((n) => n !== 'StringLiteral')
        : p.expected;
      const expected = list([...new Set(names.map((n) => tokenName(n, lang)))].slice(0, 8), lang);
      if (!expected) return t(`Oväntat ${found}`, `Unexpected ${found}`);
      return t(`Väntade ${expected} men fann ${found}`, `Expected ${expected} but found ${found}`);
    }
  }
}

/** Every other message, by code, in both languages. */
export const messages = {
  misplaced: (
    lang: MessageLanguage,
    keyword: string,
    where: 'evaluation' | 'framework' | 'area' | 'frameworkArea',
  ) => {
    const places: Record<typeof where, Text> = {
      evaluation: { sv: 'en utvärdering', en: 'an evaluation' },
      framework: { sv: 'ett ramverk', en: 'a framework' },
      area: { sv: 'ett område i en utvärdering', en: 'an area of an evaluation' },
      frameworkArea: { sv: 'ett område i ett ramverk', en: 'an area of a framework' },
    };
    return lang === 'sv'
      ? `${q(lang, keyword)} hör inte hemma i ${places[where].sv}`
      : `${q(lang, keyword)} does not belong in ${places[where].en}`;
  },
  repeated: (lang: MessageLanguage, keyword: string) =>
    lang === 'sv'
      ? `${q(lang, keyword)} anges mer än en gång; den sista gäller`
      : `${q(lang, keyword)} is given more than once; the last one counts`,
  overMax: (lang: MessageLanguage, points: number, max: number, id: string) =>
    lang === 'sv'
      ? `${formatNumber(points, lang)} poäng överstiger max ${formatNumber(max, lang)} för fråga ${id}`
      : `${formatNumber(points, lang)} points exceed the max ${formatNumber(max, lang)} of question ${id}`,
  maxMismatch: (lang: MessageLanguage, max: number, id: string, frameworkMax: number) =>
    lang === 'sv'
      ? `Max ${formatNumber(max, lang)} för fråga ${id} skiljer sig från ramverkets max ${formatNumber(frameworkMax, lang)}`
      : `The max ${formatNumber(max, lang)} of question ${id} differs from the framework's max ${formatNumber(frameworkMax, lang)}`,
  unknownQuestion: (lang: MessageLanguage, id: string, framework: string, suggestion?: string) =>
    suggestion
      ? lang === 'sv'
        ? `Fråga ${id} finns inte i ramverket ${q(lang, framework)}; menade du ${suggestion}?`
        : `Question ${id} is not in the framework ${q(lang, framework)}; did you mean ${suggestion}?`
      : lang === 'sv'
        ? `Fråga ${id} finns inte i ramverket ${q(lang, framework)}`
        : `Question ${id} is not in the framework ${q(lang, framework)}`,
  unknownArea: (lang: MessageLanguage, n: string, framework: string) =>
    lang === 'sv'
      ? `Område ${n} finns inte i ramverket ${q(lang, framework)}`
      : `Area ${n} is not in the framework ${q(lang, framework)}`,
  badQuestionNumber: (lang: MessageLanguage, id: string) =>
    lang === 'sv'
      ? `${q(lang, id)} är inget frågenummer; skriv område.fråga, t.ex. 1.2`
      : `${q(lang, id)} is not a question number; write area.question, e.g. 1.2`,
  badAreaNumber: (lang: MessageLanguage, n: string) =>
    lang === 'sv'
      ? `${q(lang, n)} är inget områdesnummer; skriv ett heltal, t.ex. 3`
      : `${q(lang, n)} is not an area number; write a whole number, e.g. 3`,
  wrongArea: (lang: MessageLanguage, id: string, area: number) =>
    lang === 'sv'
      ? `Fråga ${id} hör till område ${id.split('.')[0]}, inte område ${area}`
      : `Question ${id} belongs to area ${id.split('.')[0]}, not area ${area}`,
  duplicateQuestion: (lang: MessageLanguage, id: string) =>
    lang === 'sv' ? `Fråga ${id} finns redan` : `Question ${id} appears twice`,
  duplicateArea: (lang: MessageLanguage, n: number) =>
    lang === 'sv' ? `Område ${n} finns redan` : `Area ${n} appears twice`,
  firstHere: (lang: MessageLanguage) => (lang === 'sv' ? 'Första gången här' : 'First given here'),
  missingQuestion: (lang: MessageLanguage, id: string, title: string, max: number, area: number) =>
    lang === 'sv'
      ? `Fråga ${id} ${q(lang, title)} (max ${formatNumber(max, lang)}) saknas i område ${area}`
      : `Question ${id} ${q(lang, title)} (max ${formatNumber(max, lang)}) is missing from area ${area}`,
  missingArea: (lang: MessageLanguage, n: number, title: string, max: number) =>
    lang === 'sv'
      ? `Område ${n} ${q(lang, title)} (max ${formatNumber(max, lang)}) saknas i utvärderingen`
      : `Area ${n} ${q(lang, title)} (max ${formatNumber(max, lang)}) is missing from the evaluation`,
  negative: (lang: MessageLanguage, what: 'points' | 'max' | 'score' | 'total') => {
    const w: Record<typeof what, Text> = {
      points: { sv: 'Poäng', en: 'Points' },
      max: { sv: 'Max', en: 'A max' },
      score: { sv: 'Områdets poäng', en: 'An area score' },
      total: { sv: 'Totalpoängen', en: 'The total' },
    };
    return lang === 'sv'
      ? `${w[what].sv} måste vara ett tal ≥ 0`
      : `${w[what].en} must be a number ≥ 0`;
  },
  quotedPoints: (lang: MessageLanguage, number: string) =>
    lang === 'sv'
      ? `Poängen står inom citattecken och läses som frågans titel: skriv ${number} utan citattecken`
      : `The points are quoted and read as the question's title: write ${number} without quotes`,
  titleDiffers: (lang: MessageLanguage, frameworkTitle: string, framework: string) =>
    lang === 'sv'
      ? `Titeln skiljer sig från ramverkets ${q(lang, framework)}: ${q(lang, frameworkTitle)}`
      : `The title differs from the one in the framework ${q(lang, framework)}: ${q(lang, frameworkTitle)}`,
  round: (lang: MessageLanguage, n: number) =>
    lang === 'sv' ? `omgång ${formatNumber(n, lang)}` : `round ${formatNumber(n, lang)}`,
  noPoints: (lang: MessageLanguage, id: string) =>
    lang === 'sv' ? `Fråga ${id} saknar poäng` : `Question ${id} has no points`,
  noAreaScore: (lang: MessageLanguage, n: number) =>
    lang === 'sv'
      ? `Område ${n} saknar poäng: ange score eller frågor`
      : `Area ${n} has no score: give a score or its questions`,
  areaSum: (lang: MessageLanguage, n: number, stated: number, computed: number) =>
    lang === 'sv'
      ? `Angiven poäng ${formatNumber(stated, lang)} för område ${n} skiljer sig från summan av frågorna, ${formatNumber(computed, lang)}`
      : `The stated score ${formatNumber(stated, lang)} of area ${n} differs from the sum of its questions, ${formatNumber(computed, lang)}`,
  totalSum: (lang: MessageLanguage, stated: number, computed: number) =>
    lang === 'sv'
      ? `Angiven totalpoäng ${formatNumber(stated, lang)} skiljer sig från summan av områdena, ${formatNumber(computed, lang)}`
      : `The stated total ${formatNumber(stated, lang)} differs from the sum of the areas, ${formatNumber(computed, lang)}`,
  areaOverMax: (lang: MessageLanguage, n: number, score: number, max: number) =>
    lang === 'sv'
      ? `Område ${n} har ${formatNumber(score, lang)} poäng, över max ${formatNumber(max, lang)}`
      : `Area ${n} scores ${formatNumber(score, lang)}, above its max ${formatNumber(max, lang)}`,
  frameworkAreaMax: (lang: MessageLanguage, n: number, max: number, questions: number) =>
    lang === 'sv'
      ? `Område ${n} har max ${formatNumber(max, lang)} men frågornas max summerar till ${formatNumber(questions, lang)}`
      : `Area ${n} has max ${formatNumber(max, lang)} but its questions' maxes add up to ${formatNumber(questions, lang)}`,
  noFramework: (lang: MessageLanguage) =>
    lang === 'sv'
      ? 'Utvärderingen anger inget ramverk: lägg till t.ex. framework "kommunkompassen-2.0"'
      : 'The evaluation names no framework: add e.g. framework "kommunkompassen-2.0"',
  unknownFramework: (lang: MessageLanguage, id: string, known: string[], suggestion?: string) =>
    suggestion
      ? lang === 'sv'
        ? `Okänt ramverk ${q(lang, id)}; menade du ${q(lang, suggestion)}?`
        : `Unknown framework ${q(lang, id)}; did you mean ${q(lang, suggestion)}?`
      : lang === 'sv'
        ? `Okänt ramverk ${q(lang, id)}; kända ramverk: ${known.join(', ')}`
        : `Unknown framework ${q(lang, id)}; known frameworks: ${known.join(', ')}`,
  compare: (
    lang: MessageLanguage,
    path: string,
    problem:
      | 'missing'
      | 'unreadable'
      | 'notEvaluation'
      | 'otherFramework'
      | 'cycle'
      | 'self'
      | 'outside',
    detail?: string,
  ) => {
    const p = q(lang, path);
    const sv: Record<typeof problem, string> = {
      missing: `Jämförelsefilen ${p} finns inte`,
      unreadable: `Jämförelsefilen ${p} kan inte läsas${detail ? `: ${detail}` : ''}`,
      notEvaluation: `Jämförelsefilen ${p} innehåller ingen utvärdering`,
      otherFramework: `Jämförelsefilen ${p} använder ett annat ramverk${detail ? ` (${detail})` : ''}`,
      cycle: `Jämförelserna bildar en slinga: ${detail ?? path}`,
      self: `Utvärderingen jämförs med sig själv`,
      outside: `Jämförelsefilen ${p} ligger utanför arbetsytan och läses inte i en arbetsyta som inte är betrodd`,
    };
    const en: Record<typeof problem, string> = {
      missing: `The compare target ${p} does not exist`,
      unreadable: `The compare target ${p} cannot be read${detail ? `: ${detail}` : ''}`,
      notEvaluation: `The compare target ${p} holds no evaluation`,
      otherFramework: `The compare target ${p} uses another framework${detail ? ` (${detail})` : ''}`,
      cycle: `The comparisons form a cycle: ${detail ?? path}`,
      self: `The evaluation is compared with itself`,
      outside: `The compare target ${p} lies outside the workspace and is not read in an untrusted workspace`,
    };
    return lang === 'sv' ? sv[problem] : en[problem];
  },
  frameworkTwice: (lang: MessageLanguage, id: string) =>
    lang === 'sv'
      ? `Ramverket ${q(lang, id)} är redan definierat; den här definitionen används inte`
      : `The framework ${q(lang, id)} is already defined; this definition is not used`,
  dateRange: (lang: MessageLanguage, from: string, to: string) =>
    lang === 'sv'
      ? `Slutdatum ${to} ligger före startdatum ${from}`
      : `The end date ${to} is before the start date ${from}`,
  badDate: (lang: MessageLanguage, date: string) =>
    lang === 'sv' ? `${date} är inget giltigt datum` : `${date} is not a valid date`,
  language: (lang: MessageLanguage, code: string) =>
    lang === 'sv'
      ? `Okänd språkkod ${q(lang, code)}; använd sv, en, nb, da eller fi`
      : `Unknown language code ${q(lang, code)}; use sv, en, nb, da or fi`,
  frameworksNotComparable: (lang: MessageLanguage, frameworks: string[]) =>
    lang === 'sv'
      ? `Resultat enligt olika ramverk är inte jämförbara (${frameworks.join(', ')}); de visas och räknas i medeltal var för sig`
      : `Results under different frameworks are not comparable (${frameworks.join(', ')}); they are shown and averaged separately`,
  noFrameworkLabel: (lang: MessageLanguage) => (lang === 'sv' ? 'inget ramverk' : 'no framework'),
  roundsNotComparable: (lang: MessageLanguage, name: string, frameworks: string[]) =>
    lang === 'sv'
      ? `${name}: ${frameworks[1]} är inte jämförbart med föregående omgång enligt ${frameworks[0]}; ingen förändring räknas`
      : `${name}: ${frameworks[1]} is not comparable with the previous round under ${frameworks[0]}; no change is computed`,
  moreDiagnostics: (lang: MessageLanguage, n: number) =>
    lang === 'sv'
      ? `${n} problem till visas inte; rätta dem ovan först`
      : `${n} more problems are not shown; fix the ones above first`,
  tooLarge: (lang: MessageLanguage, size: number, limit: number) =>
    lang === 'sv'
      ? `Filen är ${Math.round(size / 1024)} kB, över gränsen ${Math.round(limit / 1024)} kB; den kontrolleras inte`
      : `The file is ${Math.round(size / 1024)} kB, above the limit of ${Math.round(limit / 1024)} kB; it is not checked`,
};
