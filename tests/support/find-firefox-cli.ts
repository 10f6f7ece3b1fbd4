// Prints the Firefox the Firefox e2e tests would use, or why there is none (exit 1). Used by .ci/run.
import { FirefoxNotFoundError, findFirefox } from './find-firefox';

try {
  console.log(findFirefox().path);
} catch (error) {
  if (!(error instanceof FirefoxNotFoundError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
