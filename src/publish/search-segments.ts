// Which archive pages share a search segment. A segment is indexed as a whole, and reused byte for
// byte while its pages are unchanged, so small segments make a new post cheap to index and large
// ones make a reader's first search cheap (the page merges every segment). Segments are runs of
// 1, 4, 16, … pages laid from the oldest page, the largest that fit first: as the archive grows,
// four runs of one size merge into one of the next, like a binary counter in base 4. So the open
// page sits in a run of at most a few pages, each page is indexed again only a few times in its
// life, and a planet of P pages has at most about P ÷ the largest size + 3 × the number of sizes
// segments. The newest page, the one new posts go to, is a segment of its own.

/** Text enough to keep Pagefind's memory (~20 MB per MB of text) to a few hundred MB a segment. */
const MOST_POSTS_PER_SEGMENT = 2000;

/** How many pages each segment holds, oldest segment first; they add up to `pageCount`. */
export function planSearchSegments(pageCount: number, postsPerPage: number): number[] {
  const sizes = [1];
  while ((sizes[0] as number) * 4 * postsPerPage <= MOST_POSTS_PER_SEGMENT) {
    sizes.unshift((sizes[0] as number) * 4);
  }
  if (pageCount === 0) return [];
  const segments: number[] = [];
  let sealed = pageCount - 1;
  for (const size of sizes) {
    for (; sealed >= size; sealed -= size) segments.push(size);
  }
  return [...segments, 1];
}
