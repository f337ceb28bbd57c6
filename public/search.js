// Progressive search: the box stays hidden without JavaScript; Pagefind loads on first use only.
const box = document.querySelector("search.site-search");

if (box instanceof HTMLElement) {
  const form = box.querySelector("form");
  const input = box.querySelector("input");
  const status = box.querySelector(".search-status");
  const list = box.querySelector(".search-results");
  let pagefind = null;
  let latest = 0;

  // A large planet's index comes in several bundles (bundles.json lists all but the first).
  const load = () => {
    pagefind ??= import(`${box.dataset.bundle}pagefind.js`).then(async (module) => {
      const options = { baseUrl: box.dataset.base };
      await module.options(options);
      const listed = await fetch(`${box.dataset.bundle}bundles.json`);
      const parts = listed.ok ? await listed.json() : [];
      await Promise.all(
        parts.map((part) => module.mergeIndex(`${box.dataset.bundle}${part}`, options)),
      );
      return module;
    });
    return pagefind;
  };

  /** Pagefind's excerpt is HTML with <mark>: keep its text and marks, nothing else. */
  const excerptNodes = (html) =>
    [...new DOMParser().parseFromString(html, "text/html").body.childNodes].map((node) => {
      if (node.nodeName !== "MARK") return document.createTextNode(node.textContent ?? "");
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      return mark;
    });

  const show = (hits) => {
    list.replaceChildren(
      ...hits.map((hit) => {
        const item = document.createElement("li");
        const link = document.createElement("a");
        link.href = hit.url;
        link.textContent = hit.title;
        const excerpt = document.createElement("p");
        excerpt.append(...excerptNodes(hit.excerpt));
        item.append(link, excerpt);
        return item;
      }),
    );
  };

  const search = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (query === "") {
      status.textContent = "";
      list.replaceChildren();
      return;
    }
    try {
      const found = await (await load()).search(query);
      const pages = await Promise.all(found.results.slice(0, 10).map((result) => result.data()));
      if (ticket !== latest) return;
      // One hit per post: each post title is a heading with an id, so Pagefind gives sub-results.
      const hits = pages
        .flatMap((page) => page.sub_results.filter((sub) => sub.url.includes("#")))
        .slice(0, 10);
      status.textContent =
        hits.length === 0 ? `No posts match “${query}”.` : `Posts matching “${query}”:`;
      show(hits);
    } catch {
      if (ticket === latest) status.textContent = "Search is not available on this copy.";
    }
  };

  let timer = 0;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  box.hidden = false;
}
