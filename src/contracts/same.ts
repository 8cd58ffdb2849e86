// Compile-time check that a Zod schema and the service type it describes are the same object shape: each contract
// file lists `Same<z.infer<typeof schema>, ServiceType>` entries that must all be `true`.
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
