import type { ChildMeasure } from "./measure-child.ts";

/** A build's figures, and the range of wall times of the runs it was the median of. */
export type RepeatedRun<R> = R & { wallRangeMs: [number, number] };

/**
 * Runs `build` `times` times, each after `reset` (which puts back the state it starts from), and
 * returns the run of median wall time with the range of all of them: other jobs on the machine
 * move a single run by ±10–40 %.
 */
export async function repeatBuild<R extends { measure: ChildMeasure }>(
  times: number,
  build: () => Promise<R>,
  reset: () => Promise<void> = async () => undefined,
): Promise<RepeatedRun<R>> {
  const runs: R[] = [];
  for (let i = 0; i < times; i++) {
    await reset();
    runs.push(await build());
  }
  const byWall = runs.sort((a, b) => a.measure.wallMs - b.measure.wallMs);
  const median = byWall[Math.floor((byWall.length - 1) / 2)] as R;
  const walls = byWall.map((run) => run.measure.wallMs);
  return { ...median, wallRangeMs: [walls[0] as number, walls.at(-1) as number] };
}
