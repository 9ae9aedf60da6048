/** Source lines and the report element that shows them, for scroll sync and double-click. */
export interface Anchor {
  /** 0-based first line in the source. */
  line: number;
  /** 0-based last line (inclusive). */
  end: number;
  /** A CSS selector for the element in the rendered report... */
  selector: string;
  /** ...and which of the elements it matches, in document order. */
  index: number;
}

/** A problem shown in the panel's own banner, above the report. */
export interface PanelProblem {
  severity: 'error' | 'warning' | 'information';
  code: string;
  message: string;
  /** 0-based line in the source. */
  line: number;
}

/** A new render (or, with `html` left out, only new problems over the last good render). */
export interface UpdateMessage {
  type: 'update';
  /** Renders are numbered; the webview ignores one older than what it shows. */
  seq: number;
  /** The document version rendered. */
  version: number;
  html?: string;
  anchors: Anchor[];
  /** Set when the shown report is older than the source because the source has errors. */
  stale?: { title: string; problems: PanelProblem[] };
}

/** Scroll the preview to where the editor's top visible line is. */
export interface ScrollMessage {
  type: 'scroll';
  line: number;
}

/** What the extension sends to the webview. */
export type ToWebview = UpdateMessage | ScrollMessage;

/** What the webview sends to the extension. */
export type FromWebview =
  | { type: 'link'; href: string }
  /** Open the source at a line (a double-click, a problem clicked). */
  | { type: 'reveal'; line: number }
  /** The user scrolled the preview; this source line is at its top. */
  | { type: 'scrollEditor'; line: number }
  | { type: 'applied'; seq: number }
  /** The page loaded and applied the render it carried (`seq`). */
  | { type: 'ready'; seq: number };

/** The webview's persisted state: what a restored panel shows again. */
export interface PreviewState {
  uri: string;
  locked: boolean;
  scrollY?: number;
}
