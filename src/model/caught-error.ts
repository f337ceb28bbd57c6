/** The message of whatever was thrown: an Error's own, else the value as text. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The code of a Node.js system error (ENOENT, EACCES, …), or null for any other value. */
export function errnoCode(error: unknown): string | null {
  return error instanceof Error && "code" in error ? String(error.code) : null;
}
