// Prints the Chromium the tests would use, or why there is none (exit 1). Used by .ci/run.
import { ChromiumNotFoundError, findChromium } from './find-chromium';

try {
  const found = findChromium();
  console.log(found.path);
} catch (error) {
  if (!(error instanceof ChromiumNotFoundError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
