/** A small seeded PRNG (mulberry32), so every run generates the same feeds. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "nix flake derivation store closure package module option overlay channel build cache " +
  "binary substitute hydra evaluation lazy attribute set function module system service " +
  "daemon sandbox reproducible deterministic hash input output profile generation rollback " +
  "garbage collect shell environment developer release branch stable unstable community " +
  "meetup sprint talk conference planet blog post write read feed aggregator the a of and " +
  "to in is for on with that this it as we our you can be are from at by not"
).split(" ");

/** `count` words of filler text. */
function sentence(random: () => number, count: number): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) words.push(WORDS[Math.floor(random() * WORDS.length)] ?? "nix");
  const text = words.join(" ");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Options for one post's HTML. */
export interface PostHtmlOptions {
  /** Seed: same seed, same HTML. */
  seed: number;
  /** Approximate size of the HTML in bytes. */
  bytes: number;
  /** Add what the sanitizer must remove: scripts, styles, handlers, javascript: links. */
  hostile: boolean;
  /** The post's own page, for relative links. */
  link: string;
}

/**
 * The body of one blog post, shaped like a real one: paragraphs with links and emphasis, an
 * image, a list and a code block; "hostile" posts also carry what a sanitizer has to strip.
 */
export function postHtml(options: PostHtmlOptions): string {
  const random = seededRandom(options.seed);
  const parts: string[] = [];
  if (options.hostile) {
    parts.push(
      "<style>body { display: none } .x { color: red }</style>",
      '<script>document.write("tracked")</script>',
      '<p onclick="steal()" style="font-size: 40px" class="lead">Click <a href="javascript:alert(1)">here</a>.</p>',
      '<iframe src="https://evil.example/frame"></iframe>',
    );
  }
  parts.push(`<p><img src="images/header.png" alt="header" width="640" height="320"></p>`);
  let size = parts.join("").length;
  let paragraph = 0;
  while (size < options.bytes) {
    const block =
      paragraph % 5 === 3
        ? `<ul><li>${sentence(random, 8)}</li><li>${sentence(random, 10)}</li><li>${sentence(random, 6)}</li></ul>`
        : paragraph % 5 === 4
          ? `<pre><code>$ nix build .#${WORDS[paragraph % WORDS.length]}\n${sentence(random, 12)}</code></pre>`
          : `<p>${sentence(random, 30)} <a href="${options.link}#s${paragraph}">${sentence(random, 3)}</a> <em>${sentence(random, 4)}</em> ${sentence(random, 40)}</p>`;
    parts.push(block);
    size += block.length;
    paragraph++;
  }
  if (options.hostile) parts.push('<img src="x" onerror="alert(2)"><form action="/x"></form>');
  return parts.join("\n");
}

/** A short title for post `n` of a feed. */
export function postTitle(seed: number): string {
  return sentence(seededRandom(seed), 6).slice(0, -1);
}
