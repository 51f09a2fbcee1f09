// For the Node.js tests: inputs from ../shared/fixtures, which a clone elsewhere lacks.
import { existsSync } from "node:fs";

// The exit code ctest reads as "skipped" (SKIP_RETURN_CODE) for a test with nothing left to run.
export const SKIPPED = 77;

// True when `file` is there. Otherwise says in one line what is skipped and returns
// false; with CI=true, where the fixtures must be present, it marks the run failed.
export function available(file, what) {
  if (existsSync(file)) return true;
  if (process.env.CI === "true") {
    console.error(`CI=true but ${file} is missing (needed for ${what})`);
    process.exitCode = 1;
  } else {
    console.log(`skipped: ${what} (no ${file}; ../shared/fixtures is not beside the project)`);
  }
  return false;
}
