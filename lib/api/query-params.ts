// The query string of a JSON read, checked before anything else: a parameter the route does not
// know is refused (a misspelt filter silently ignored would return the wrong data as if right),
// and so is one given twice. An empty value (`asOf=` from a form left blank) means "not given".

export interface ParameterError {
  parameter: string;
  message: string;
}

export type QueryValues<N extends string> = Partial<Record<N, string>>;

/** One error per distinct parameter name the route does not know, in the order given. */
export function unknownParameters(search: URLSearchParams, known: readonly string[]): ParameterError[] {
  const accepted = known.length > 0 ? `it takes ${known.join(', ')}` : 'it takes no parameters';
  return [...new Set(search.keys())]
    .filter((name) => !known.includes(name))
    .map((name) => ({ parameter: name, message: `${name} is not a parameter of this route (${accepted})` }));
}

export function readQuery<const N extends string>(
  search: URLSearchParams,
  known: readonly N[],
): { ok: true; values: QueryValues<N> } | { ok: false; errors: ParameterError[] } {
  const errors: ParameterError[] = unknownParameters(search, known);
  const values: QueryValues<N> = {};
  const names = [...new Set(search.keys())].filter((name) => (known as readonly string[]).includes(name));
  for (const name of names) {
    const given = search.getAll(name).filter((value) => value !== '');
    if (given.length > 1) errors.push({ parameter: name, message: `${name} must be given once` });
    else if (given[0] !== undefined) values[name as N] = given[0];
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}
