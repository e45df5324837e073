/* chamber-page-cache.c — rendered pages within a byte budget, LRU (see chamber-page-cache.h).
 *
 * A hash table finds an entry by its key; a queue orders the entries from the most recently
 * used (head) to the least (tail), and eviction takes from the tail. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "chamber-page-cache.h"

typedef struct {
  int              page;
  int              rotation;
  double           scale;
  cairo_surface_t *surface;
  gsize            bytes;
  GList            link;     /* in ChamberPageCache.order; data points back to the entry */
} Entry;

struct _ChamberPageCache
{
  GObject     parent_instance;

  gsize       budget;
  gsize       size;
  GHashTable *entries;  /* Entry* (as key, hashed by page, scale, rotation) → itself */
  GQueue      order;    /* most recently used first */
};

G_DEFINE_FINAL_TYPE (ChamberPageCache, chamber_page_cache, G_TYPE_OBJECT)

static guint
entry_hash (gconstpointer key)
{
  const Entry *entry = key;
  guint64 scale_bits;
  double scale = entry->scale == 0 ? 0 : entry->scale;  /* -0 and 0 hash alike */

  memcpy (&scale_bits, &scale, sizeof scale_bits);
  return (guint) entry->page * 2654435761u ^ (guint) entry->rotation * 40503u
         ^ (guint) (scale_bits ^ (scale_bits >> 32));
}

static gboolean
entry_equal (gconstpointer a,
             gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;

  return ea->page == eb->page && ea->rotation == eb->rotation && ea->scale == eb->scale;
}

static int
normalize_rotation (int rotation)
{
  return ((rotation % 360) + 360) % 360;
}

static gsize
surface_bytes (cairo_surface_t *surface)
{
  return (gsize) cairo_image_surface_get_stride (surface)
         * (gsize) cairo_image_surface_get_height (surface);
}

/* Unlinks and frees @entry, keeping the byte count. */
static void
drop_entry (ChamberPageCache *self,
            Entry            *entry)
{
  g_queue_unlink (&self->order, &entry->link);
  g_hash_table_remove (self->entries, entry);
  self->size -= entry->bytes;
  cairo_surface_destroy (entry->surface);
  g_free (entry);
}

static void
evict_to (ChamberPageCache *self,
          gsize             target)
{
  while (self->size > target && self->order.tail != NULL)
    drop_entry (self, self->order.tail->data);
}

static void
chamber_page_cache_finalize (GObject *object)
{
  ChamberPageCache *self = CHAMBER_PAGE_CACHE (object);

  evict_to (self, 0);
  g_clear_pointer (&self->entries, g_hash_table_unref);

  G_OBJECT_CLASS (chamber_page_cache_parent_class)->finalize (object);
}

static void
chamber_page_cache_class_init (ChamberPageCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = chamber_page_cache_finalize;
}

static void
chamber_page_cache_init (ChamberPageCache *self)
{
  self->budget = CHAMBER_PAGE_CACHE_DEFAULT_BUDGET;
  self->entries = g_hash_table_new (entry_hash, entry_equal);
  g_queue_init (&self->order);
}

ChamberPageCache *
chamber_page_cache_new (gsize budget)
{
  ChamberPageCache *self = g_object_new (CHAMBER_TYPE_PAGE_CACHE, NULL);

  if (budget > 0)
    self->budget = budget;
  return self;
}

gsize
chamber_page_cache_get_budget (ChamberPageCache *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_CACHE (self), 0);
  return self->budget;
}

void
chamber_page_cache_set_budget (ChamberPageCache *self,
                               gsize             budget)
{
  g_return_if_fail (CHAMBER_IS_PAGE_CACHE (self));

  self->budget = budget > 0 ? budget : CHAMBER_PAGE_CACHE_DEFAULT_BUDGET;
  evict_to (self, self->budget);
}

gsize
chamber_page_cache_get_size (ChamberPageCache *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_CACHE (self), 0);
  return self->size;
}

guint
chamber_page_cache_get_n_pages (ChamberPageCache *self)
{
  g_return_val_if_fail (CHAMBER_IS_PAGE_CACHE (self), 0);
  return self->order.length;
}

static Entry *
find_entry (ChamberPageCache *self,
            int               page,
            double            scale,
            int               rotation)
{
  Entry key = { .page = page, .scale = scale, .rotation = normalize_rotation (rotation) };

  return g_hash_table_lookup (self->entries, &key);
}

gboolean
chamber_page_cache_insert (ChamberPageCache *self,
                           int               page,
                           double            scale,
                           int               rotation,
                           cairo_surface_t  *surface)
{
  Entry *entry;
  gsize bytes;

  g_return_val_if_fail (CHAMBER_IS_PAGE_CACHE (self), FALSE);
  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (cairo_surface_get_type (surface) == CAIRO_SURFACE_TYPE_IMAGE, FALSE);
  g_return_val_if_fail (scale > 0 && isfinite (scale), FALSE);

  bytes = surface_bytes (surface);
  if (bytes > self->budget)
    return FALSE;

  entry = find_entry (self, page, scale, rotation);
  if (entry != NULL)
    drop_entry (self, entry);
  evict_to (self, self->budget - bytes);

  entry = g_new0 (Entry, 1);
  entry->page = page;
  entry->scale = scale;
  entry->rotation = normalize_rotation (rotation);
  entry->surface = cairo_surface_reference (surface);
  entry->bytes = bytes;
  entry->link.data = entry;
  g_queue_push_head_link (&self->order, &entry->link);
  g_hash_table_add (self->entries, entry);
  self->size += bytes;
  return TRUE;
}

cairo_surface_t *
chamber_page_cache_lookup (ChamberPageCache *self,
                           int               page,
                           double            scale,
                           int               rotation)
{
  Entry *entry;

  g_return_val_if_fail (CHAMBER_IS_PAGE_CACHE (self), NULL);

  entry = find_entry (self, page, scale, rotation);
  if (entry == NULL)
    return NULL;
  g_queue_unlink (&self->order, &entry->link);
  g_queue_push_head_link (&self->order, &entry->link);
  return cairo_surface_reference (entry->surface);
}

cairo_surface_t *
chamber_page_cache_lookup_nearest (ChamberPageCache *self,
                                   int               page,
                                   double            scale,
                                   int               rotation,
                                   double           *out_scale)
{
  const Entry *best = NULL;
  double best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (CHAMBER_IS_PAGE_CACHE (self), NULL);

  rotation = normalize_rotation (rotation);
  for (GList *l = self->order.head; l != NULL; l = l->next)
    {
      const Entry *entry = l->data;
      double distance;

      if (entry->page != page || entry->rotation != rotation)
        continue;
      /* Compare zoom ratios, so 1 → 2 counts as far as 2 → 1. */
      distance = fabs (log (entry->scale / scale));
      if (distance < best_distance
          || (distance == best_distance && best != NULL && entry->scale > best->scale))
        {
          best = entry;
          best_distance = distance;
        }
    }
  if (best == NULL)
    return NULL;
  if (out_scale != NULL)
    *out_scale = best->scale;
  return cairo_surface_reference (best->surface);
}

void
chamber_page_cache_remove_page (ChamberPageCache *self,
                                int               page)
{
  GList *l;

  g_return_if_fail (CHAMBER_IS_PAGE_CACHE (self));

  l = self->order.head;
  while (l != NULL)
    {
      Entry *entry = l->data;

      l = l->next;
      if (entry->page == page)
        drop_entry (self, entry);
    }
}

void
chamber_page_cache_clear (ChamberPageCache *self)
{
  g_return_if_fail (CHAMBER_IS_PAGE_CACHE (self));
  evict_to (self, 0);
}
