// A field's text from a row's cells, as the library's `columns::join_cells` makes it and the
// `contactkit` command sends it: one column's cell as it is; several columns' cells trimmed
// (Unicode White_Space, Rust's `str::trim`), the empty ones left out, joined by a space
// (First name + Last name → full_name). Shared by the page (the sample) and the import worker.

const EDGES = /^\p{White_Space}+|\p{White_Space}+$/gu;

/** The text of a field that reads `columns` of `cells`; `undefined` for a missing cell. */
export function fieldText(cells, columns) {
  if (columns.length === 1) return cells[columns[0]];
  return columns.map((i) => String(cells[i] ?? '').replace(EDGES, '')).filter((v) => v !== '').join(' ');
}
