import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";
import * as z from "zod";

/**
 * vnu.jar from the `vnu-jar` package: the W3C Nu HTML Checker, run on the machine's Java (the
 * package's own runner may download a Java; this never does).
 */
const VNU_JAR = createRequire(import.meta.url).resolve("vnu-jar/build/dist/vnu.jar");

const reportSchema = z.object({
  messages: z.array(
    z.object({
      type: z.string(),
      url: z.string().optional(),
      message: z.string(),
      lastLine: z.number().optional(),
      extract: z.string().optional(),
    }),
  ),
});

/** One problem the checker found. */
export type HtmlProblem = z.infer<typeof reportSchema>["messages"][number];

/** Checks HTML files with the Nu HTML Checker offline; returns its errors (empty when valid). */
export async function checkHtml(files: string[]): Promise<HtmlProblem[]> {
  const args = ["-jar", VNU_JAR, "--errors-only", "--format", "json", ...files];
  // vnu exits 1 when it finds errors; its JSON report is on stderr either way.
  const stderr = await promisify(execFile)("java", args, { maxBuffer: 64 << 20 }).then(
    (done) => done.stderr,
    (failed: { stderr?: string }) => failed.stderr ?? "",
  );
  return reportSchema.parse(JSON.parse(stderr)).messages;
}
