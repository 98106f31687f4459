// The names that are own properties of Object.prototype (`constructor`,
// `__proto__`, `toString`, …): hostile input wherever user text meets a lookup table.

/** Every own property name of Object.prototype. */
export const PROTOTYPE_NAMES: readonly string[] = Object.getOwnPropertyNames(Object.prototype);
