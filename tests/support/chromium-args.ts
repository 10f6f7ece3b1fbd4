/**
 * Command-line switches for a Chromium that loads our unpacked extension and reaches the
 * simulator instead of the real atlassian.net. Shared by the e2e fixtures and the demo.
 */
export function chromiumExtensionArgs(options: { extensionDir: string; hostResolverRules: string }): string[] {
  return [
    `--disable-extensions-except=${options.extensionDir}`,
    `--load-extension=${options.extensionDir}`,
    // Tests and CI run as root in containers, where Chromium's sandbox cannot start.
    '--no-sandbox',
    // Every *.atlassian.net name resolves to the local simulator...
    `--host-resolver-rules=${options.hostResolverRules}`,
    // ...which serves a self-signed certificate.
    '--ignore-certificate-errors',
    // No traffic of Chromium's own (updates, sync, safe browsing) in logs or on the network.
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
  ];
}
