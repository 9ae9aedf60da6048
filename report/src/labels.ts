/** The report's fixed texts in Swedish, English and Norwegian (bokmål), and number and date formatting. */

/** Languages the report is written in. */
export type ReportLanguage = 'sv' | 'en' | 'nb';

/** Every fixed text of the report. */
export interface Labels {
  lang: ReportLanguage;
  analysisOf: string;
  contents: string;
  about: string;
  /** About the method, told for Kommunkompassen 2.0 and its history. */
  aboutText: string[];
  /** About the method, told for Kommunkompassen 2020 and its areas. */
  aboutText2020: string[];
  summary: string;
  summaryOf: (name: string) => string;
  results: string;
  total: string;
  score: string;
  points: string;
  achieved: string;
  max: string;
  percent: string;
  area: string;
  question: string;
  areas: string;
  areaNumber: (n: number) => string;
  profile: string;
  profileRadar: string;
  profileBars: string;
  legend: string;
  headings: string;
  intro: string;
  strengths: string;
  improvements: string;
  examples: string;
  questions: string;
  overview: string;
  overviewIntro: string;
  facts: string;
  factsAbout: (name: string) => string;
  evaluators: string;
  organisation: string;
  date: string;
  round: string;
  framework: string;
  missing: string;
  missingArea: string;
  problems: string;
  problemsIntro: string;
  error: string;
  warning: string;
  information: string;
  line: string;
  noEvaluation: string;
  comparisons: string;
  comparisonProblem: string;
  page: string;
  generated: string;
  of: string;
  totalOf: (total: string, max: string) => string;
  /** The problem box's one-line summary: `45 varningar, 0 fel`. */
  problemCount: (warnings: number, errors: number) => string;
  months: string[];
}

const sv: Labels = {
  lang: 'sv',
  analysisOf: 'Analys av',
  contents: 'Innehåll',
  about: 'Om Kommunkompassen',
  aboutText: [
    'Kommunkompassen är en nordisk metod för att granska hur en kommun leds, styrs och samspelar med sina invånare. Metoden växte fram i Norden under 1990-talet och används av kommuner i flera nordiska länder. Den reviderades 2010 så att den fångar nyare utvecklingstrender i offentlig sektor.',
    'Det är arbetssätten som bedöms, inte verksamhetens resultat i sig: hur kommunen informerar och för dialog, hur politiken sätter mål och följer upp, hur ledarskap, personalpolitik och förbättringsarbete fungerar och hur kommunen samverkar med civilsamhälle, kulturliv och näringsliv. Ett team av utvärderare läser styrdokument, går igenom webbplatsen och intervjuar förtroendevalda, chefer, medarbetare och fackliga företrädare.',
    'Bedömningen görs inom åtta områden med ett antal frågor vardera, och varje fråga har en högsta poäng. Rapporten redovisar poängen per område och fråga, beskriver styrkor och förbättringsmöjligheter och nämner kommuner som kan tjäna som goda exempel. Många kommuner utvärderas på nytt efter några år för att se hur förbättringsarbetet har gett resultat.',
  ],
  aboutText2020: [
    'Kommunkompassen är en nordisk metod för att granska hur en kommun styrs, leds och samspelar med sina invånare. Kommunkompassen 2020 är den senare revisionen: samma grundidé, men områdena har nya namn och en ny indelning.',
    'Det är arbetssätten som bedöms i åtta områden: samspelet mellan förtroendevalda och medborgare, samhällsutveckling, styrning och kontroll, effektivitet, brukarens fokus, kvalitetsutveckling, arbetsliv samt chefs- och ledarskap och medarbetarskap. Ett team av utvärderare läser styrdokument och intervjuar förtroendevalda, chefer, medarbetare och fackliga företrädare.',
    'Varje område ger högst 100 poäng, 800 poäng totalt. Rapporten redovisar poängen per område, beskriver styrkor och förbättringsmöjligheter och nämner goda exempel.',
  ],
  summary: 'Sammanfattning',
  summaryOf: (name) => `${name}: sammanfattning`,
  results: 'Resultat',
  total: 'Totalt',
  score: 'Poäng',
  points: 'poäng',
  achieved: 'Uppnått',
  max: 'Max',
  percent: 'Procent',
  area: 'Område',
  question: 'Fråga',
  areas: 'Genomgång område för område',
  areaNumber: (n) => `Område ${n}`,
  profile: 'Profil',
  profileRadar: 'Profil per område (andel av maxpoäng)',
  profileBars: 'Poäng per område',
  legend: 'Förklaring',
  headings: 'Rubriker',
  intro: 'Allmänt',
  strengths: 'Styrkor',
  improvements: 'Förbättringsmöjligheter',
  examples: 'Goda exempel',
  questions: 'Frågor',
  overview: 'Översikt av poängfördelning',
  overviewIntro: 'Poängen för varje fråga, område för område.',
  facts: 'Kortfakta',
  factsAbout: (name) => `Kortfakta om ${name}`,
  evaluators: 'Utvärderare',
  organisation: 'Organisation',
  date: 'Datum',
  round: 'Omgång',
  framework: 'Ramverk',
  missing: 'saknas',
  missingArea: 'Området saknas i utvärderingen',
  problems: 'Problem i dokumentet',
  problemsIntro:
    'Dokumentet innehåller fel. Rapporten visar det som går att tolka; uppgifter som saknas är markerade.',
  error: 'fel',
  warning: 'varning',
  information: 'information',
  line: 'rad',
  noEvaluation: 'Dokumentet innehåller ingen utvärdering.',
  comparisons: 'Jämförelser',
  comparisonProblem: 'kunde inte jämföras',
  page: 'Sida',
  generated: 'Skapad',
  of: 'av',
  totalOf: (total, max) => `${total} av ${max} poäng`,
  problemCount: (w, e) => `${w} ${w === 1 ? 'varning' : 'varningar'}, ${e} fel`,
  months: [
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ],
};

const en: Labels = {
  lang: 'en',
  analysisOf: 'Analysis of',
  contents: 'Contents',
  about: 'About Kommunkompassen',
  aboutText: [
    'Kommunkompassen (the Municipal Compass) is a Nordic method for examining how a municipality is led, governed and engaged with its residents. It was developed in the Nordic countries in the 1990s, is used by municipalities in several of them, and was revised in 2010 to reflect newer trends in the public sector.',
    'What is assessed is the way of working, not the results of the services as such: how the municipality informs and consults its residents, how politicians set goals and follow them up, how leadership, staff policy and improvement work function, and how the municipality works with civil society, culture and business. A team of evaluators reads the governing documents, reviews the website and interviews elected members, managers, staff and union representatives.',
    'The assessment covers eight areas, each with a set of questions that carry a maximum score. The report gives the score for every area and question, describes strengths and areas for improvement, and names municipalities that can serve as good examples. Many municipalities are evaluated again after a few years to see how their improvement work has paid off.',
  ],
  aboutText2020: [
    'Kommunkompassen (the Municipal Compass) is a Nordic method for examining how a municipality is governed, led and engaged with its residents. Kommunkompassen 2020 is its later revision: the same idea, with the areas renamed and divided anew.',
    'The way of working is assessed in eight areas: the interplay between elected members and residents, community development, governance and control, efficiency, the user in focus, quality development, working life, and management, leadership and staff engagement. A team of evaluators reads the governing documents and interviews elected members, managers, staff and union representatives.',
    'Each area scores at most 100 points, 800 in all. The report gives the score of every area, describes strengths and areas for improvement, and names good examples.',
  ],
  summary: 'Summary',
  summaryOf: (name) => `${name}: summary`,
  results: 'Results',
  total: 'Total',
  score: 'Score',
  points: 'points',
  achieved: 'Achieved',
  max: 'Max',
  percent: 'Percent',
  area: 'Area',
  question: 'Question',
  areas: 'Area by area',
  areaNumber: (n) => `Area ${n}`,
  profile: 'Profile',
  profileRadar: 'Profile by area (share of the maximum)',
  profileBars: 'Score by area',
  legend: 'Legend',
  headings: 'Topics',
  intro: 'General',
  strengths: 'Strengths',
  improvements: 'Areas for improvement',
  examples: 'Good examples',
  questions: 'Questions',
  overview: 'Overview of scores',
  overviewIntro: 'The score for every question, area by area.',
  facts: 'Key facts',
  factsAbout: (name) => `Key facts: ${name}`,
  evaluators: 'Evaluators',
  organisation: 'Organisation',
  date: 'Date',
  round: 'Round',
  framework: 'Framework',
  missing: 'missing',
  missingArea: 'This area is missing from the evaluation',
  problems: 'Problems in the document',
  problemsIntro:
    'The document has errors. The report shows what could be read; missing values are marked.',
  error: 'error',
  warning: 'warning',
  information: 'information',
  line: 'line',
  noEvaluation: 'The document contains no evaluation.',
  comparisons: 'Comparisons',
  comparisonProblem: 'could not be compared',
  page: 'Page',
  generated: 'Generated',
  of: 'of',
  totalOf: (total, max) => `${total} of ${max} points`,
  problemCount: (w, e) =>
    `${w} ${w === 1 ? 'warning' : 'warnings'}, ${e} ${e === 1 ? 'error' : 'errors'}`,
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const nb: Labels = {
  lang: 'nb',
  analysisOf: 'Analyse av',
  contents: 'Innhold',
  about: 'Om Kommunekompasset',
  aboutText: [
    'Kommunekompasset (Kommunkompassen) er en nordisk metode for å undersøke hvordan en kommune ledes, styres og samhandler med innbyggerne. Metoden ble utviklet i Norden på 1990-tallet, brukes av kommuner i flere nordiske land og ble revidert i 2010 for å fange opp nyere utviklingstrekk i offentlig sektor.',
    'Det er arbeidsmåtene som vurderes, ikke tjenestenes resultater i seg selv: hvordan kommunen informerer og er i dialog med innbyggerne, hvordan politikerne setter mål og følger dem opp, hvordan ledelse, personalpolitikk og forbedringsarbeid fungerer, og hvordan kommunen samarbeider med sivilsamfunn, kulturliv og næringsliv. Et team av evaluatorer leser styringsdokumenter, går gjennom nettstedet og intervjuer folkevalgte, ledere, ansatte og tillitsvalgte.',
    'Vurderingen omfatter åtte områder med flere spørsmål hver, og hvert spørsmål har en høyeste poengsum. Rapporten viser poengene per område og spørsmål, beskriver styrker og forbedringsmuligheter og nevner kommuner som kan tjene som gode eksempler. Mange kommuner lar seg evaluere på nytt etter noen år for å se hva forbedringsarbeidet har gitt.',
  ],
  aboutText2020: [
    'Kommunekompasset er en nordisk metode for å vurdere hvordan en kommune styres, ledes og samhandler med innbyggerne. Kommunkompassen 2020 er den senere revisjonen: samme grunnidé, men områdene har nye navn og ny inndeling.',
    'Det er arbeidsmåtene som vurderes i åtte områder: samspillet mellom folkevalgte og innbyggere, samfunnsutvikling, styring og kontroll, effektivitet, brukerens fokus, kvalitetsutvikling, arbeidsliv samt ledelse og medarbeiderskap. Et team av evaluatorer leser styringsdokumenter og intervjuer folkevalgte, ledere, medarbeidere og tillitsvalgte.',
    'Hvert område gir høyst 100 poeng, 800 poeng i alt. Rapporten viser poengene per område, beskriver styrker og forbedringsmuligheter og nevner gode eksempler.',
  ],
  summary: 'Sammendrag',
  summaryOf: (name) => `${name}: sammendrag`,
  results: 'Resultater',
  total: 'Totalt',
  score: 'Poeng',
  points: 'poeng',
  achieved: 'Oppnådd',
  max: 'Maks',
  percent: 'Prosent',
  area: 'Område',
  question: 'Spørsmål',
  areas: 'Gjennomgang område for område',
  areaNumber: (n) => `Område ${n}`,
  profile: 'Profil',
  profileRadar: 'Profil per område (andel av maksimal poengsum)',
  profileBars: 'Poeng per område',
  legend: 'Forklaring',
  headings: 'Temaer',
  intro: 'Generelt',
  strengths: 'Styrker',
  improvements: 'Forbedringsmuligheter',
  examples: 'Gode eksempler',
  questions: 'Spørsmål',
  overview: 'Oversikt over poengfordelingen',
  overviewIntro: 'Poengene for hvert spørsmål, område for område.',
  facts: 'Kortfakta',
  factsAbout: (name) => `Kortfakta om ${name}`,
  evaluators: 'Evaluatorer',
  organisation: 'Organisasjon',
  date: 'Dato',
  round: 'Runde',
  framework: 'Rammeverk',
  missing: 'mangler',
  missingArea: 'Området mangler i evalueringen',
  problems: 'Problemer i dokumentet',
  problemsIntro:
    'Dokumentet inneholder feil. Rapporten viser det som kunne leses; verdier som mangler, er markert.',
  error: 'feil',
  warning: 'advarsel',
  information: 'informasjon',
  line: 'linje',
  noEvaluation: 'Dokumentet inneholder ingen evaluering.',
  comparisons: 'Sammenligninger',
  comparisonProblem: 'kunne ikke sammenlignes',
  page: 'Side',
  generated: 'Generert',
  of: 'av',
  totalOf: (total, max) => `${total} av ${max} poeng`,
  problemCount: (w, e) =>
    `${w} ${w === 1 ? 'advarsel' : 'advarsler'}, ${e} ${e === 1 ? 'feil' : 'feil'}`,
  months: [
    'januar',
    'februar',
    'mars',
    'april',
    'mai',
    'juni',
    'juli',
    'august',
    'september',
    'oktober',
    'november',
    'desember',
  ],
};

const byLanguage: Readonly<Record<ReportLanguage, Labels>> = { sv, en, nb };

/** The report language for a document language: Danish reads best as Norwegian, Finnish as English. */
export function reportLanguage(code: string | undefined): ReportLanguage {
  if (code === 'en' || code === 'fi') return 'en';
  if (code === 'nb' || code === 'da') return 'nb';
  return 'sv';
}

/** The labels for a document language code. */
export function labelsFor(code: string | undefined): Labels {
  return byLanguage[reportLanguage(code)];
}

/** A date or date range in words: `12–14 december 2012`. */
export function formatDateRange(
  from: string | undefined,
  to: string | undefined,
  labels: Labels,
): string {
  const a = parseDate(from);
  const b = parseDate(to);
  if (!a) return from ?? '';
  const full = (d: DateParts) => `${d.day} ${labels.months[d.month - 1]} ${d.year}`;
  if (!b || (a.year === b.year && a.month === b.month && a.day === b.day)) return full(a);
  if (a.year === b.year && a.month === b.month) return `${a.day}–${full(b)}`;
  if (a.year === b.year) return `${a.day} ${labels.months[a.month - 1]} – ${full(b)}`;
  return `${full(a)} – ${full(b)}`;
}

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function parseDate(s: string | undefined): DateParts | undefined {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: Number(m[1]), month, day: Number(m[3]) };
}
