/* chamber-search.h — full-text search over every page of every document this laptop holds.
 *
 * The text of each page is extracted with poppler when its blob arrives (by the sync engine, on
 * its thread) and kept in the store's page_texts table; the SQLite FTS5 table page_index holds
 * the same text folded by chamber_search_fold() (lower case, no diacritics, đ → d) and
 * tokenized by unicode61, so "ngan sach" finds "ngân sách" and "dat dai" finds "đất đai", in any
 * case. A query is split into words, each folded and matched as a word prefix; every word must
 * match on the same page, and pages where the words stand together as typed rank first. Hits
 * point at the newest version of a document and carry a snippet of the page's own text,
 * diacritics and all, with the matched words marked.
 *
 * Every function works on the thread that owns @store; indexing opens the PDF itself and must
 * never run on a UI thread. */
#pragma once

#include <gio/gio.h>

#include "chamber-blob-store.h"
#include "chamber-model.h"
#include "chamber-store.h"

G_BEGIN_DECLS

#define CHAMBER_SEARCH_ERROR (chamber_search_error_quark ())

typedef enum {
  CHAMBER_SEARCH_ERROR_INVALID_QUERY,  /* the query is not valid UTF-8 */
  CHAMBER_SEARCH_ERROR_QUERY_TOO_LONG, /* over CHAMBER_SEARCH_MAX_QUERY_BYTES or _WORDS */
} ChamberSearchError;

GQuark chamber_search_error_quark (void);

/* The longest query taken, in bytes and in words. */
#define CHAMBER_SEARCH_MAX_QUERY_BYTES 1024
#define CHAMBER_SEARCH_MAX_QUERY_WORDS 32

/* The length of a snippet, in characters (without its “…” marks). */
#define CHAMBER_SEARCH_SNIPPET_CHARS 160

/* A matched word: offsets, @end exclusive. */
typedef struct {
  guint start;
  guint end;
} ChamberSearchSpan;

typedef struct {
  ChamberDocument *document;  /* the newest version of the document whose page matched */
  int              page;      /* from 1 */
  char            *snippet;   /* about CHAMBER_SEARCH_SNIPPET_CHARS characters of the page's
                               * text around the first match, whitespace collapsed, with “…”
                               * where it was cut */
  GArray          *matches;   /* ChamberSearchSpan: the matched words inside @snippet, in bytes,
                               * in order */
  GArray          *page_matches; /* ChamberSearchSpan: every matched word of the page, in
                                  * characters of the page's text as poppler_page_get_text()
                                  * gives it — indexes into ChamberPdfText's boxes — in order */
  double           rank;      /* SQLite's bm25(): lower is better */
} ChamberSearchHit;

void chamber_search_hit_free (ChamberSearchHit *hit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChamberSearchHit, chamber_search_hit_free)

/* Folds @text for search: lower case, each letter with diacritics reduced to its base letter
 * (“Nẵng” → “nang”, “Ư” → “u”), and đ/Đ → d, which unicode61's remove_diacritics cannot do as
 * the letter has no decomposition. Used on the text that is indexed and on every query word.
 * Each character of the result stands where it stood in @text (combining marks of decomposed
 * text are kept, the tokenizer drops them; the byte length may change), so a character offset
 * in the folded text is the same character offset in @text. @text must be valid UTF-8; @length
 * -1 means up to the NUL. */
char *chamber_search_fold (const char *text, gssize length);

/* Extracts the text of every page of the PDF at @pdf_path (opened here, on this thread) and
 * records it for @sha256 in one transaction. Nothing is done when @sha256 is indexed already.
 * Fails, recording nothing, with CHAMBER_PDF_ERROR when the PDF cannot be opened, with
 * G_IO_ERROR_CANCELLED, or with CHAMBER_STORE_ERROR (CONSTRAINT for an @sha256 that is not a
 * content hash). */
gboolean chamber_search_index_blob (ChamberStore *store, const char *sha256,
                                    const char *pdf_path, GCancellable *cancellable,
                                    GError **error);
/* TRUE when @sha256 is indexed (possibly with no text, see chamber_search_index_held()). */
gboolean chamber_search_is_indexed (ChamberStore *store, const char *sha256);

/* Indexes every blob the store records as held (chamber_store_mark_blob_held()) that is present
 * in @blobs and not indexed yet. A blob whose text cannot be read (a damaged or protected PDF) is
 * recorded as indexed with no text, with one message in the log, and is not tried again; one
 * whose file cannot be read now is left for the next call.
 * @out_indexed (may be NULL) receives the count of blobs indexed, also when a later one fails.
 * Fails only on cancellation or when the store cannot be read or written. */
gboolean chamber_search_index_held (ChamberStore *store, ChamberBlobStore *blobs,
                                    GCancellable *cancellable, int *out_indexed,
                                    GError **error);

/* Searches the indexed pages for @query: words of letters and digits, everything else is a
 * separator (so quotes, operators and punctuation are never syntax). Each word matches words
 * that start with it, ignoring case and diacritics; a page must contain every word. Only the
 * newest version of each document is searched, and only documents of @session_id unless it is
 * 0. Returns at most @limit (≤ 0: every) ChamberSearchHit, best first (bm25, the words in a row
 * as typed counting most); an empty array for a query without any word. Fails with
 * CHAMBER_SEARCH_ERROR on a query that is not UTF-8 or is too long, or with
 * CHAMBER_STORE_ERROR. */
GPtrArray *chamber_search_query (ChamberStore *store, const char *query, gint64 session_id,
                                 int limit, GError **error);

G_END_DECLS
