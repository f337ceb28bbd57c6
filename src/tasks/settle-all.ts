/**
 * Waits for every task, so none is still writing when the caller cleans up after a failure;
 * then throws the first failure, if any.
 */
export async function settleAll(tasks: Promise<unknown>[]): Promise<void> {
  const failed = (await Promise.allSettled(tasks)).find((result) => result.status === "rejected");
  if (failed) throw failed.reason;
}
