import type { PolicyView } from './policy-view';

/*
 * A page's copy of the policy: asked once, and again whenever the background says it changed
 * (the `policy` change topic). A page that cannot read it goes on without (nothing is enforced
 * in pages: the background refuses on its own).
 */
export function watchPolicy(options: {
  read(): Promise<PolicyView>;
  onPolicy(view: PolicyView): void;
  onError?(error: unknown): void;
}): () => void {
  let latest = 0;
  const load = () => {
    const asked = ++latest;
    options.read().then(
      (view) => {
        if (asked === latest) options.onPolicy(view);
      },
      (error: unknown) => options.onError?.(error),
    );
  };
  load();
  return load;
}
