import type { MessageLanguage } from '../language';

const sv = {
  hover: {
    area: 'Område',
    areas: 'områden',
    question: 'Fråga',
    questions: 'frågor',
    questionsHeader: 'Frågor',
    points: 'poäng',
    pointsHeader: 'Poäng',
    scoreHeader: 'Poäng',
    total: 'Totalt',
    missingCell: 'saknas',
    missing: 'Saknas',
    comparedWith: 'Jämfört med',
    difference: 'skillnad',
    statedTotal: 'Angiven total',
    statedScore: 'Angiven poäng',
    questionsAddUpTo: 'summan av frågorna',
  },
  completion: {
    wholeArea: 'hela området ur ramverket',
    newArea: 'ett nytt område',
    areaTitle: 'Rubrik',
    newEvaluation: 'en ny utvärdering',
    newQuestion: 'en ny fråga',
    questionTitle: 'Frågans titel',
    newSection: 'ett avsnitt med rubrik och text',
    sectionHeading: 'Rubrik',
    areas: 'områden',
    questions: 'frågor',
  },
  inlayHints: {
    sumOfAreas: 'Summan av områdena',
    sumOfQuestions: 'Summan av frågorna',
    statedScore: 'Angiven poäng',
  },
  codeActions: {
    addMissingQuestions: (area: number | string, ids: string) =>
      `Lägg till saknade frågor i område ${area} (${ids})`,
    addMissingAreas: (numbers: string) => `Lägg till saknade områden (${numbers})`,
    fixAllSafe: 'Rätta alla säkra problem',
    fixAllOf: (code: string, n: number) => `Rätta alla ${code} (${n})`,
    clampToMax: (n: string) => `Sätt poängen till max ${n}`,
    frameworkMax: (n: string) => `Använd ramverkets max ${n}`,
    scoreToSum: (n: string) => `Sätt poängen till summan ${n}`,
    totalToSum: (n: string) => `Sätt totalen till summan ${n}`,
    frameworkTitle: (t: string) => `Använd ramverkets titel ${t}`,
    unquoteNumber: (t: string) => `Skriv talet ${t} utan citattecken`,
    toFramework: (t: string) => `Ändra till ramverket ${t}`,
    toQuestion: (t: string) => `Ändra till fråga ${t}`,
    changeTo: (t: string) => `Ändra till ${t}`,
    insert: (t: string) => `Lägg till ${t}`,
    replaceWith: (t: string) => `Ersätt med ${t}`,
  },
};

/** The words of the editor features: hover, completion, inlay hints and code-action titles. */
export type EditorTexts = typeof sv;

const en: EditorTexts = {
  hover: {
    area: 'Area',
    areas: 'areas',
    question: 'Question',
    questions: 'questions',
    questionsHeader: 'Questions',
    points: 'points',
    pointsHeader: 'Points',
    scoreHeader: 'Score',
    total: 'Total',
    missingCell: 'missing',
    missing: 'Missing',
    comparedWith: 'Compared with',
    difference: 'difference',
    statedTotal: 'Stated total',
    statedScore: 'Stated score',
    questionsAddUpTo: 'the questions add up to',
  },
  completion: {
    wholeArea: 'the whole area from the framework',
    newArea: 'a new area',
    areaTitle: 'Title',
    newEvaluation: 'a new evaluation',
    newQuestion: 'a new question',
    questionTitle: 'Title',
    newSection: 'a section: heading and text',
    sectionHeading: 'Heading',
    areas: 'areas',
    questions: 'questions',
  },
  inlayHints: {
    sumOfAreas: 'The sum of the areas',
    sumOfQuestions: 'The sum of the questions',
    statedScore: 'The stated score',
  },
  codeActions: {
    addMissingQuestions: (area, ids) => `Add the missing questions of area ${area} (${ids})`,
    addMissingAreas: (numbers) => `Add the missing areas (${numbers})`,
    fixAllSafe: 'Fix all safely fixable problems',
    fixAllOf: (code, n) => `Fix all ${code} (${n})`,
    clampToMax: (n) => `Clamp the points to the max ${n}`,
    frameworkMax: (n) => `Use the framework's max ${n}`,
    scoreToSum: (n) => `Set the score to the sum ${n}`,
    totalToSum: (n) => `Set the total to the sum ${n}`,
    frameworkTitle: (t) => `Use the framework's title ${t}`,
    unquoteNumber: (t) => `Write the number ${t} without quotes`,
    toFramework: (t) => `Change to the framework ${t}`,
    toQuestion: (t) => `Change to question ${t}`,
    changeTo: (t) => `Change to ${t}`,
    insert: (t) => `Insert ${t}`,
    replaceWith: (t) => `Replace with ${t}`,
  },
};

/**
 * The editor features' words in Swedish and English: the one table for what hover, completion,
 * inlay hints and code actions say (diagnostics have theirs in messages.ts).
 */
export const editorTexts: Readonly<Record<MessageLanguage, EditorTexts>> = { sv, en };
