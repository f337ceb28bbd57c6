import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import * as z from "zod";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

const stepSchema = z.looseObject({
  uses: z.string().optional(),
  run: z.string().optional(),
  if: z.string().optional(),
  with: z.record(z.string(), z.unknown()).optional(),
});
const workflowSchema = z.looseObject({
  on: z.looseObject({
    schedule: z.array(z.object({ cron: z.string() })),
    push: z.unknown(),
    workflow_dispatch: z.unknown(),
  }),
  concurrency: z.object({ group: z.string(), "cancel-in-progress": z.boolean() }),
  jobs: z.looseObject({
    build: z.looseObject({ steps: z.array(stepSchema) }),
    deploy: z.looseObject({
      needs: z.string(),
      permissions: z.record(z.string(), z.string()),
      steps: z.array(stepSchema),
    }),
  }),
});

describe("the GitHub Actions workflow", () => {
  const workflow = workflowSchema.parse(parse(read(".github/workflows/planet.yml")));
  const steps = workflow.jobs.build.steps;
  const step = (action: string) => steps.find((s) => s.uses?.startsWith(`${action}@`));
  const index = (found: z.infer<typeof stepSchema> | undefined) =>
    found ? steps.indexOf(found) : -1;

  it("runs every 15 minutes, on push and by hand, never two at once", () => {
    expect(workflow.on.schedule).toEqual([{ cron: "*/15 * * * *" }]);
    expect("push" in workflow.on && "workflow_dispatch" in workflow.on).toBe(true);
    expect(workflow.concurrency).toEqual({ group: "planet", "cancel-in-progress": false });
  });

  it("installs on Node 22+, restores the newest feed cache, builds, then saves a new cache", () => {
    expect(Number(step("actions/setup-node")?.with?.["node-version"])).toBeGreaterThanOrEqual(22);
    const install = steps.findIndex((s) => s.run === "npm ci");
    const build = steps.findIndex((s) => s.run === "npm run build");
    const restore = step("actions/cache/restore");
    const save = step("actions/cache/save");
    expect(restore?.with).toMatchObject({ path: ".cache/planet", "restore-keys": "planet-cache-" });
    expect(save?.with?.path).toBe(".cache/planet");
    // A key of its own per run: caches are immutable, so a fixed key would never be updated.
    expect(restore?.with?.key).toBe(save?.with?.key);
    expect(String(save?.with?.key)).toMatch(/^planet-cache-\$\{\{ github\.run_id \}\}/);
    expect(save?.if).toBe("always()");
    expect([install, index(restore), build, index(save)]).toEqual(
      [install, index(restore), build, index(save)].toSorted((a, b) => a - b),
    );
    expect(install).toBeGreaterThan(-1);
    expect(index(step("actions/upload-pages-artifact"))).toBeGreaterThan(build);
    expect(step("actions/upload-pages-artifact")?.with?.path).toBe("dist");
  });

  it("deploys the artifact to GitHub Pages with the permissions that needs", () => {
    const deploy = workflow.jobs.deploy;
    expect(deploy.needs).toBe("build");
    expect(deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy.steps.some((s) => s.uses?.startsWith("actions/deploy-pages@"))).toBe(true);
  });
});

describe("the NixOS module", () => {
  const module = read("nix/module.nix");
  const declared = [...module.matchAll(/^ {4}(\w+) = lib\.(?:mkOption|mkEnableOption)\b/gm)].map(
    (match) => match[1],
  );
  const documented = [...read("README.md").matchAll(/`services\.planet\.(\w+)`/g)].map(
    (match) => match[1],
  );

  it("declares every option the README documents, and the README documents every option", () => {
    expect(declared.length).toBeGreaterThanOrEqual(9);
    expect(new Set(documented)).toEqual(new Set(declared));
  });

  it("runs the build unprivileged, hardened, with the cache as PLANET_CACHE_DIR, on a timer", () => {
    expect(module).toMatch(/default = "\*:0\/15";/);
    expect(module).toContain("OnCalendar = cfg.interval;");
    expect(module).toContain("PLANET_CACHE_DIR = stateDir;");
    expect(module).toMatch(/stateDir = "\/var\/lib\/\$\{cfg\.stateDirectory\}";/);
    for (const setting of [
      "User = cfg.user;",
      "NoNewPrivileges = true;",
      'ProtectSystem = "strict";',
    ]) {
      expect(module).toContain(setting);
    }
  });

  it("is packaged with buildNpmPackage, nixpkgs' Node.js and no npm install scripts", () => {
    const pkg = read("nix/package.nix");
    expect(pkg).toContain("buildNpmPackage {");
    expect(pkg).toContain("npmDepsHash = lib.fakeHash;");
    expect(pkg).toContain('npmRebuildFlags = [ "--ignore-scripts" ];');
    expect(pkg).toContain("dontNpmBuild = true;");
    expect(pkg).toMatch(/nodejs = nodejs_(2[2-9]|[3-9]\d);/);
  });
});

describe("the systemd units", () => {
  const service = read("deploy/systemd/planet.service");
  const timer = read("deploy/systemd/planet.timer");

  it("run the build every 15 minutes as an unprivileged user with the cache in /var/lib/planet", () => {
    expect(timer).toMatch(/^OnCalendar=\*:0\/15$/m);
    expect(service).toMatch(/^User=planet$/m);
    expect(service).toMatch(/^Environment=PLANET_CACHE_DIR=\/var\/lib\/planet$/m);
    expect(service).toMatch(/^StateDirectory=planet$/m);
    expect(service).toMatch(/^ExecStart=\S+ src\/cli\/build\.ts$/m);
    expect(service).toMatch(/^ProtectSystem=strict$/m);
  });
});

describe("the Dockerfile", () => {
  const dockerfile = read("Dockerfile");

  it("installs production dependencies only and runs the build as a non-root user", () => {
    expect(dockerfile).toMatch(/^FROM node:(2[2-9]|[3-9]\d)-slim$/m);
    expect(dockerfile).toMatch(/^RUN npm ci --omit=dev\b/m);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/PLANET_CACHE_DIR=\/var\/lib\/planet/);
    expect(dockerfile).toMatch(/^VOLUME \[.*"\/var\/lib\/planet".*\]$/m);
    expect(dockerfile).toContain("node src/cli/build.ts");
  });

  it("can omit devDependencies: every package src/ imports is a production dependency", () => {
    const manifest = z
      .object({ dependencies: z.record(z.string(), z.string()) })
      .parse(JSON.parse(read("package.json")));
    const imported = new Set(
      readdirSync(new URL("../../src", import.meta.url), { recursive: true, encoding: "utf8" })
        .filter((file) => /\.(ts|astro|mjs)$/.test(file))
        .flatMap((file) => [...read(`src/${file}`).matchAll(/(?:from |import\()"([^".][^"]*)"/g)])
        .map((match) => match[1] ?? "")
        .filter((specifier) => !/^(node|astro):/.test(specifier))
        .map((specifier) =>
          specifier
            .split("/")
            .slice(0, specifier.startsWith("@") ? 2 : 1)
            .join("/"),
        ),
    );
    expect(imported.size).toBeGreaterThan(5);
    expect([...imported].filter((name) => !(name in manifest.dependencies))).toEqual([]);
  });

  it("is given only what the build needs", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const path of ["node_modules", ".cache", "dist", ".git", "test"])
      expect(ignored).toContain(path);
  });
});

describe("the owner tools' npm scripts", () => {
  it("point at the command files", () => {
    const { scripts } = z
      .object({ scripts: z.record(z.string(), z.string()) })
      .parse(JSON.parse(read("package.json")));
    for (const name of ["add-feed", "import-opml"]) {
      const file = scripts[name]?.replace(/^node /, "") ?? "";
      expect(existsSync(new URL(`../../${file}`, import.meta.url)), name).toBe(true);
    }
  });
});
