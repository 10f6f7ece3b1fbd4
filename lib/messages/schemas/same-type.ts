/** Compile-time check that a zod schema's output and a hand-written type are the same. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
