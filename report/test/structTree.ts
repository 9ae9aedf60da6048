// Reads a PDF's structure tree back from its text (pdfkit writes it uncompressed) for the tests.

/** Every object of a PDF as written: its number and the text between `obj` and `endobj`. */
export function pdfObjects(pdf: string): Map<number, string> {
  const objects = new Map<number, string>();
  for (const m of pdf.matchAll(/(?:^|\n)(\d+) 0 obj\n([\s\S]*?)\nendobj/g))
    objects.set(Number(m[1]), m[2]!);
  return objects;
}

/** The parent tree's lists, by key: each MCID's entry (`12 0 R` or `null`). */
function parentTree(objects: Map<number, string>): Map<number, string[]> {
  const lists = new Map<number, string[]>();
  for (const body of objects.values()) {
    const nums = /\/ParentTree <<[\s\S]*?\/Nums \[([\s\S]*?)\n\s*\]\n\s*>>/.exec(body);
    if (!nums) continue;
    for (const m of nums[1]!.matchAll(/(\d+) \[([^\]]*)\]/g))
      lists.set(Number(m[1]), m[2]!.match(/\d+ 0 R|null/g) ?? []);
  }
  return lists;
}

/**
 * What is wrong with the parent tree, as sentences: an MCID of a structure element's content that
 * the parent tree does not give to that element, or an entry that is `null`. Empty when it is
 * whole.
 */
export function parentTreeProblems(pdf: string): string[] {
  const objects = pdfObjects(pdf);
  const keyOfPage = new Map<number, number>();
  for (const [id, body] of objects) {
    const key = /\/Type \/Page\n[\s\S]*?\/StructParents (\d+)/.exec(body);
    if (key) keyOfPage.set(id, Number(key[1]));
  }
  const tree = parentTree(objects);
  const problems: string[] = [];
  for (const [key, list] of tree)
    list.forEach((entry, mcid) => {
      if (entry === 'null') problems.push(`page list ${key}: MCID ${mcid} is null`);
    });
  for (const [id, body] of objects) {
    if (!/^<<\n\/S \//.test(body)) continue;
    const own = /\n\/Pg (\d+) 0 R/.exec(body.replace(/<<\n\/Type \/MCR[\s\S]*?>>/g, ''));
    const kids = /\n\/K \[([\s\S]*?)\]\n/.exec(body)?.[1] ?? '';
    const pieces: { page: number; mcid: number }[] = [];
    const mcr = /<<\n\/Type \/MCR\n\/Pg (\d+) 0 R\n\/MCID (\d+)\n>>/g;
    for (const m of kids.matchAll(mcr)) pieces.push({ page: Number(m[1]), mcid: Number(m[2]) });
    for (const m of kids
      .replace(mcr, '')
      .replace(/\d+ 0 R/g, '')
      .matchAll(/\d+/g))
      pieces.push({ page: Number(own?.[1]), mcid: Number(m[0]) });
    for (const { page, mcid } of pieces) {
      const key = keyOfPage.get(page);
      const entry = key === undefined ? undefined : tree.get(key)?.[mcid];
      if (entry !== `${id} 0 R`)
        problems.push(`element ${id}: MCID ${mcid} of page ${page} is ${entry ?? 'missing'}`);
    }
  }
  return problems;
}
