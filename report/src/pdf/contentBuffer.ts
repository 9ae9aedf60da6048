/**
 * pdfkit turns every drawing operator into a typed array of its own as it is written; a report of
 * hundreds of pages makes millions of them, and the garbage collector most of the render time.
 * Here a page's operators are kept as strings and joined into one chunk when the page is left or
 * the document ends: the same bytes, far fewer objects.
 */

interface ContentRef {
  write(chunk: string | Uint8Array): void;
  end(chunk?: string | Uint8Array): void;
}

type Doc = PDFKit.PDFDocument & { page: { content: ContentRef } };

/** Buffers the content of every page of `doc`, the current one and those added later. */
export function bufferPageContent(doc: PDFKit.PDFDocument): void {
  const d = doc as Doc;
  let last: (() => void) | undefined;
  const wrap = (ref: ContentRef) => {
    const parts: string[] = [];
    const write = ref.write.bind(ref);
    const end = ref.end.bind(ref);
    const flush = () => {
      // pdfkit ends each written string with a newline; joining with one gives the same bytes.
      if (parts.length > 0) write(parts.join('\n'));
      parts.length = 0;
    };
    ref.write = (chunk) => {
      if (typeof chunk === 'string') parts.push(chunk);
      else {
        flush();
        write(chunk);
      }
    };
    ref.end = (chunk) => {
      flush();
      end(chunk);
    };
    return flush;
  };
  last = wrap(d.page.content);
  doc.on('pageAdded', () => {
    last?.();
    last = wrap(d.page.content);
  });
}
