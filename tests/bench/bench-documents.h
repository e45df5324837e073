/* bench-documents.h — the generated documents the benchmarks share: the same text-heavy pages
 * for the render and the app benchmarks, so their figures are comparable. */
#pragma once

#include <glib.h>

/* Vietnamese sentences of a council's budget papers, for generated pages. */
extern const char *const bench_sentences[];
extern const guint bench_n_sentences;

/* Text-heavy, like an annex of budget tables: a heading, then 100 rows of small text in three
 * typefaces across two columns, every other row shaded, every cell ruled; @pages A4 pages.
 * Aborts with a message when cairo cannot write the PDF. */
void bench_write_text_heavy (const char *path, int pages);
