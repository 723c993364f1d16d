/**
 * The end of an exhaustive switch: the compiler refuses a call here while a case is unhandled, and a value
 * that slips past the types at run time fails loudly. A file of its own, with no imports, so that code as
 * small as the attach relay does not pull the contract's schemas (zod) into its bundle for it.
 */
export function missingCaseError(value: never): never {
  throw new Error(`Unhandled case: ${String(value)}`);
}
