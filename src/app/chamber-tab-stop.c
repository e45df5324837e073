/* chamber-tab-stop.c — a container that makes what it holds one stop for Tab (see the header):
 * its focus handler sends Tab out when the focus is inside, and to the selected row when it
 * comes in. It takes a child from a .ui file like any single-child container. */
#include "config.h"

#include "chamber-tab-stop.h"

struct _ChamberTabStop
{
  GtkWidget  parent_instance;
  GtkWidget *child;
};

static void chamber_tab_stop_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ChamberTabStop, chamber_tab_stop, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      chamber_tab_stop_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

/* The first list box at or under @widget. */
static GtkListBox *
find_list_box (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget))
    return GTK_LIST_BOX (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListBox *found = find_list_box (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
chamber_tab_stop_focus (GtkWidget *widget, GtkDirectionType direction)
{
  ChamberTabStop *self = CHAMBER_TAB_STOP (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkListBox *list;
  GtkListBoxRow *row;

  if (self->child == NULL)
    return FALSE;
  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return gtk_widget_child_focus (self->child, direction);
  if (focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget)))
    return FALSE;
  list = find_list_box (self->child);
  row = list != NULL ? gtk_list_box_get_selected_row (list) : NULL;
  if (row != NULL && gtk_widget_is_drawable (GTK_WIDGET (row)))
    return gtk_widget_grab_focus (GTK_WIDGET (row));
  return gtk_widget_child_focus (self->child, direction);
}

static void
chamber_tab_stop_dispose (GObject *object)
{
  ChamberTabStop *self = CHAMBER_TAB_STOP (object);

  g_clear_pointer (&self->child, gtk_widget_unparent);
  G_OBJECT_CLASS (chamber_tab_stop_parent_class)->dispose (object);
}

static void
chamber_tab_stop_class_init (ChamberTabStopClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = chamber_tab_stop_dispose;
  widget_class->focus = chamber_tab_stop_focus;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
chamber_tab_stop_init (ChamberTabStop *self)
{
}

static void
chamber_tab_stop_add_child (GtkBuildable *buildable, GtkBuilder *builder, GObject *child,
                            const char *type)
{
  if (GTK_IS_WIDGET (child))
    chamber_tab_stop_set_child (CHAMBER_TAB_STOP (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
chamber_tab_stop_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = chamber_tab_stop_add_child;
}

GtkWidget *
chamber_tab_stop_new (void)
{
  return g_object_new (CHAMBER_TYPE_TAB_STOP, NULL);
}

void
chamber_tab_stop_set_child (ChamberTabStop *self, GtkWidget *child)
{
  g_return_if_fail (CHAMBER_IS_TAB_STOP (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  g_clear_pointer (&self->child, gtk_widget_unparent);
  if (child != NULL)
    {
      self->child = child;
      gtk_widget_set_parent (child, GTK_WIDGET (self));
    }
}

GtkWidget *
chamber_tab_stop_get_child (ChamberTabStop *self)
{
  g_return_val_if_fail (CHAMBER_IS_TAB_STOP (self), NULL);
  return self->child;
}
