/** A readable id prefix for an activity type: `Escalations.Route` → `route`, `SendHttpRequest` → `sendHttpRequest`. */
export function idPrefix(type: string): string {
  const last = type.split('.').pop() ?? 'activity';
  const clean = last.replace(/[^A-Za-z0-9]/g, '');
  return clean ? clean[0]!.toLowerCase() + clean.slice(1) : 'activity';
}

/** The first `prefix1`, `prefix2`, ... not in `taken`; the new id is added to `taken`. */
export function nextId(prefix: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) {
      taken.add(id);
      return id;
    }
  }
}

export const activityIdPattern = /^[A-Za-z0-9_-]{1,100}$/;
export const definitionIdPattern = /^[a-z0-9][a-z0-9._-]{0,99}$/;
export const namePattern = /^[A-Za-z_$][A-Za-z0-9_$]{0,99}$/;

/** A definition id from a display name: "Major incident (EU)" → "major-incident-eu". */
export function slugify(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
  return slug || 'workflow';
}
