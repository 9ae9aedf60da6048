/**
 * Stands in for the AES ciphers pdfkit loads to encrypt PDFs. The report's PDFs are never
 * encrypted (a published report must open for everyone and for assistive technology), and the
 * ciphers built their tables each time a bundle started: about 9 ms of every PDF export. The
 * bundles leave them out; encryption asked of pdfkit is refused with this error.
 */

function refuse(): never {
  throw new Error('PDF encryption is not supported here: the report PDFs are not encrypted');
}

/** pdfkit's AES-CBC, which only an encrypted PDF uses. */
export const cbc = refuse;
/** pdfkit's AES-ECB, which only an encrypted PDF uses. */
export const ecb = refuse;
