# The planet as a Nix package: the app with its production node_modules in
# $out/lib/node_modules/planet, plus planet-check, planet-add-feed and planet-import-opml.
# The site build itself runs from a writable copy (it writes dist/ and Astro's caches beside
# the sources): the NixOS module in ./module.nix does that.
{
  lib,
  buildNpmPackage,
  nodejs_24,
  makeWrapper,
  autoPatchelfHook,
  stdenv,
}:

let
  nodejs = nodejs_24;
in
buildNpmPackage {
  pname = "planet";
  version = (lib.importJSON ../package.json).version;

  src = lib.fileset.toSource {
    root = ../.;
    fileset = lib.fileset.unions [
      ../package.json
      ../package-lock.json
      ../astro.config.mjs
      ../tsconfig.json
      ../feeds.json
      ../feeds.schema.json
      ../src
      ../public
    ];
  };

  # Node.js 24 runs the TypeScript sources directly (type stripping); Astro needs >= 22.12.
  inherit nodejs;

  # lib.fakeHash is a placeholder. To fill it in, either build once (`nix build ./nix#planet`):
  # the build stops with "hash mismatch ... got: sha256-..." and that value goes here; or run
  # `nix run nixpkgs#prefetch-npm-deps -- package-lock.json`. Update it whenever
  # package-lock.json changes.
  npmDepsHash = lib.fakeHash;

  # The `node` devDependency downloads a Node.js binary in its install script, which cannot
  # work in the sandbox and is not wanted: nixpkgs' nodejs runs everything here. No dependency
  # needs its install script (esbuild and rolldown find their prebuilt platform packages).
  npmRebuildFlags = [ "--ignore-scripts" ];

  # `npm run build` is the planet build itself: it fetches every feed, so it runs in the
  # service, never in the sandbox.
  dontNpmBuild = true;

  # Prebuilt native parts of the dependencies (rolldown's .node binding, pagefind, esbuild)
  # expect a FHS loader; patch them to nixpkgs' glibc. musl builds of them are never loaded.
  nativeBuildInputs = [
    makeWrapper
    autoPatchelfHook
  ];
  buildInputs = [ stdenv.cc.cc.lib ];
  autoPatchelfIgnoreMissingDeps = [ "libc.musl-x86_64.so.1" "libc.musl-aarch64.so.1" ];

  postInstall = ''
    app=$out/lib/node_modules/planet
    for command in check add-feed import-opml; do
      makeWrapper ${lib.getExe nodejs} $out/bin/planet-$command \
        --add-flags "$app/src/cli/$command.ts" \
        --set-default ASTRO_TELEMETRY_DISABLED 1
    done
  '';

  passthru = { inherit nodejs; };

  meta = {
    description = "A planet: one page, one feed and one calendar for a community's blogs and meetups";
    license = lib.licenses.mit;
    platforms = lib.platforms.linux;
  };
}
