/* soc-canvas.c
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The base of the timeline, the goal tree and the stakeholder map: a
 * GtkScrollable (CANVAS.md, "A GtkScrollable canvas") that keeps what its
 * subclass paints, gives each object it shows a focusable child for the
 * keyboard and screen readers, zooms with Ctrl+wheel, pinch and
 * Ctrl+plus/minus/0, and renames in place with an entry over an object.
 *
 * Keyboard: one child at a time is in the Tab chain, the focus object's
 * (a roving tab stop): Tab leaves the picture for the next control, and
 * the arrow keys, which the subclass handles, move within it.
 *
 * Painting: the subclass's paint_content() is painted once into an image
 * over a region twice the view's size (the whole content when it is
 * small), and the node that shows it is reused while the view scrolls
 * inside it and nothing changes (GTK then redraws next to nothing);
 * snapshot_overlay() adds, each frame, what changes more often.
 * soc_canvas_invalidate() drops the node. An image, not cairo's recording:
 * GTK's cairo renderer plays a recording back whole each time a part of it
 * is redrawn (a selection drawn over a map of thousands of bubbles replayed
 * them all, half of what a Down key cost), where an image is copied.
 */

#define G_LOG_DOMAIN "soc-canvas"

#include "config.h"

#include <adwaita.h>
#include <math.h>

#include "soc-canvas.h"
#include "soc-canvas-item.h"
#include "soc-compat.h"

typedef struct
{
  SocSelection        *selection;
  SocDocument         *document;  /* the selection's, while it is set */
  GtkAdjustment       *hadjustment;
  GtkAdjustment       *vadjustment;
  guint                hscroll_policy : 1;
  guint                vscroll_policy : 1;

  const SocPalette    *palette;
  SocText             *text;
  SocLabelCache       *labels;
  GskRenderNode       *content;       /* paint_content() over content_rect */
  SocRect              content_rect;

  GHashTable          *children;      /* SocObject -> SocCanvasItem */
  SocObject           *focus;         /* the object with the keyboard, or to get it */
  guint                children_idle; /* the children follow the view before the next frame */
  gboolean             children_stale; /* the view changed while the canvas was hidden */
  guint                n_updates;     /* the children made to follow, for tests */
  guint                n_described;   /* children named and described, for tests */
  guint                n_paints;      /* the content painted, for tests */
  guint                serial;        /* the content painted: one more each change, from 1 */
  int                  last_width;
  int                  last_height;

  GtkWidget           *editor;        /* renaming in place */
  SocObject           *renaming;
  SocRect              renaming_rect; /* content coordinates */
  SocCanvasRenameFunc  rename_commit;

  double               pointer_x;     /* Ctrl+wheel zooms about the pointer */
  double               pointer_y;
  double               pinch_scale;   /* the scale a pinch reached so far */

  const char          *hint_title;    /* what an empty picture says, or NULL */
  const char          *hint;
} SocCanvasPrivate;

static void scrollable_iface_init (GtkScrollableInterface *iface);

static void content_size (SocCanvas *self,
                          double    *width,
                          double    *height);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (SocCanvas, soc_canvas, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (SocCanvas)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, scrollable_iface_init))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

#define ZOOM_STEP 1.25

static void schedule_children (SocCanvas *self);

static void
scrollable_iface_init (GtkScrollableInterface *iface)
{
}

SocSelection *
soc_canvas_get_selection (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  g_return_val_if_fail (SOC_IS_CANVAS (self), NULL);
  return priv->selection;
}

/* The object the keyboard was on left the plan (deleted, or an undo took
 * it back): the keyboard is on no object rather than on one outside the
 * plan, which a key would act on (Tab adding under a deleted goal). */
static void
on_document_changed (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  if (priv->focus != NULL &&
      soc_document_lookup (priv->document, soc_object_get_id (priv->focus)) != priv->focus)
    soc_canvas_set_focus_object (self, NULL);
}

/* The plan's selection, which the children's Open and Delete act on. */
void
soc_canvas_set_selection (SocCanvas    *self,
                          SocSelection *selection)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  g_return_if_fail (SOC_IS_CANVAS (self));

  if (priv->selection != selection)
    {
      soc_canvas_forget_children (self);
      soc_canvas_cancel_rename (self);
      g_set_object (&priv->selection, selection);
      soc_label_cache_clear (priv->labels);
      if (priv->document != NULL)
        g_signal_handlers_disconnect_by_data (priv->document, self);
      g_clear_object (&priv->document);
      if (selection != NULL && soc_selection_get_document (selection) != NULL)
        priv->document = g_object_ref (soc_selection_get_document (selection));
      /* After the subclass's own handler, which may move the keyboard to
       * the neighbour of what went. */
      if (priv->document != NULL)
        g_signal_connect_object (priv->document, "changed", G_CALLBACK (on_document_changed), self,
                                 G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
}

/* What was painted is out of date: paint it again. With RESIZED, the
 * content's size may have changed too. */
void
soc_canvas_invalidate (SocCanvas *self,
                       gboolean   resized)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  g_return_if_fail (SOC_IS_CANVAS (self));

  g_clear_pointer (&priv->content, gsk_render_node_unref);
  priv->serial++;   /* the children's names and descriptions may have changed */
  schedule_children (self);
  /* A new size: the scrolled window measures again before it decides on
   * its scrollbars, or the two disagree and it never settles. */
  if (resized)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The part of the content in view, in content coordinates. */
SocRect
soc_canvas_get_visible (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  return SOC_RECT_INIT (gtk_adjustment_get_value (priv->hadjustment),
                        gtk_adjustment_get_value (priv->vadjustment),
                        gtk_widget_get_width (GTK_WIDGET (self)),
                        gtk_widget_get_height (GTK_WIDGET (self)));
}

void
soc_canvas_scroll_to (SocCanvas *self,
                      double     x,
                      double     y)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  double w, h;

  /* The content may have grown since the adjustments were last told (a
   * goal just added at the tree's far side): they learn its size at the
   * next allocation, after this, and would hold the view short of it. */
  content_size (self, &w, &h);
  if (gtk_adjustment_get_upper (priv->hadjustment) < w)
    gtk_adjustment_set_upper (priv->hadjustment, w);
  if (gtk_adjustment_get_upper (priv->vadjustment) < h)
    gtk_adjustment_set_upper (priv->vadjustment, h);
  gtk_adjustment_set_value (priv->hadjustment, x);
  gtk_adjustment_set_value (priv->vadjustment, y);
}

/* Scrolls as little as needed to show RECT, clear of LEFT pixels at the
 * left and TOP at the top (covered by what stays in view there). */
void
soc_canvas_scroll_to_rect (SocCanvas     *self,
                           const SocRect *rect,
                           double         left,
                           double         top)
{
  SocRect v = soc_canvas_get_visible (self);
  double x = v.x, y = v.y;
  double l = v.x + left + 12, t = v.y + top + 8;

  if (v.width <= 0)
    return;
  if (rect->x < l)
    x -= l - rect->x;
  else if (rect->x + rect->width > v.x + v.width - 12)
    x += MIN (rect->x + rect->width - (v.x + v.width - 12), rect->x - l);
  if (rect->y < t)
    y -= t - rect->y;
  else if (rect->y + rect->height > v.y + v.height - 8)
    y += MIN (rect->y + rect->height - (v.y + v.height - 8), rect->y - t);
  soc_canvas_scroll_to (self, x, y);
}

/* The palette of the desktop's style: light, dark, high contrast. */
const SocPalette *
soc_canvas_get_palette (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  if (priv->palette == NULL)
    {
      AdwStyleManager *style = adw_style_manager_get_default ();
      gboolean dark = soc_compat_style_is_dark (GTK_WIDGET (self));

      if (adw_style_manager_get_high_contrast (style))
        priv->palette = soc_palette_get (dark ? SOC_PALETTE_HIGH_CONTRAST_DARK : SOC_PALETTE_HIGH_CONTRAST);
      else
        priv->palette = soc_palette_get (dark ? SOC_PALETTE_DARK : SOC_PALETTE_LIGHT);
    }
  return priv->palette;
}

/* What an empty picture says of what goes there and how to start: TITLE
 * and HINT (static strings, translated), or nothing (NULL). Screen readers
 * get it as the picture's description; soc_canvas_snapshot_hint() draws it. */
void
soc_canvas_set_hint (SocCanvas  *self,
                     const char *title,
                     const char *hint)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  g_return_if_fail (SOC_IS_CANVAS (self));

  if (hint == NULL)
    title = NULL;
  if (g_strcmp0 (priv->hint, hint) == 0 && g_strcmp0 (priv->hint_title, title) == 0)
    return;
  priv->hint_title = title;
  priv->hint = hint;
  if (hint != NULL)
    {
      g_autofree char *described = g_strdup_printf ("%s. %s", title, hint);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, described, -1);
    }
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Draws the hint (soc_canvas_set_hint()), if there is one, in the middle
 * of VISIBLE (content coordinates): its title in bold, the hint dimmed. */
void
soc_canvas_snapshot_hint (SocCanvas     *self,
                          GtkSnapshot   *snapshot,
                          const SocRect *visible)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  const SocPalette *p = soc_canvas_get_palette (self);
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) hint_layout = NULL;
  PangoFontDescription *bold;
  GdkRGBA ink = { p->text.red, p->text.green, p->text.blue, p->text.alpha };
  GdkRGBA dim = { p->text_dim.red, p->text_dim.green, p->text_dim.blue, p->text_dim.alpha };
  int width = MIN (420, (int) visible->width - 40);
  int th, hh;

  g_return_if_fail (SOC_IS_CANVAS (self));

  if (priv->hint == NULL || width < 80)
    return;
  title_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), priv->hint_title);
  hint_layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), priv->hint);
  bold = pango_font_description_from_string ("Bold 16");
  pango_layout_set_font_description (title_layout, bold);
  pango_font_description_free (bold);
  pango_layout_set_alignment (title_layout, PANGO_ALIGN_CENTER);
  pango_layout_set_alignment (hint_layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (title_layout, width * PANGO_SCALE);
  pango_layout_set_width (hint_layout, width * PANGO_SCALE);
  pango_layout_set_wrap (title_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_wrap (hint_layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (title_layout, NULL, &th);
  pango_layout_get_pixel_size (hint_layout, NULL, &hh);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (visible->x + (visible->width - width) / 2,
                                                          visible->y + MAX (0, (visible->height - th - hh - 12) / 2)));
  gtk_snapshot_append_layout (snapshot, title_layout, &ink);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (0, th + 12));
  gtk_snapshot_append_layout (snapshot, hint_layout, &dim);
  gtk_snapshot_restore (snapshot);
}

SocText *
soc_canvas_get_text (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  return priv->text;
}

/* The shaped labels, kept between frames. */
SocLabelCache *
soc_canvas_get_labels (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  return priv->labels;
}

void
soc_canvas_report (SocCanvas  *self,
                   const char *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-message", "s", message);
}

/* ------------------------------------------------------------------------ */
/* Children for the keyboard and screen readers                             */

SocObject *
soc_canvas_get_focus_object (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  return priv->focus;
}

/* The object the keyboard is on, or goes to when it comes in. */
void
soc_canvas_set_focus_object (SocCanvas *self,
                             SocObject *object)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  if (priv->focus != object)
    {
      GtkWidget *old = soc_canvas_get_child_for (self, priv->focus);
      GtkWidget *child = soc_canvas_get_child_for (self, object);

      priv->focus = object;
      if (old != NULL && !gtk_widget_has_focus (old))
        gtk_widget_set_focusable (old, FALSE);
      if (child != NULL)
        gtk_widget_set_focusable (child, TRUE);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

GtkWidget *
soc_canvas_get_child_for (SocCanvas *self,
                          SocObject *object)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  return object != NULL ? g_hash_table_lookup (priv->children, object) : NULL;
}

/* Whether the keyboard focus is in the canvas or one of its children. */
gboolean
soc_canvas_has_focus_within (SocCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  return focus != NULL && (focus == GTK_WIDGET (self) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self)));
}

/* Drops every child: the objects they name are going. */
void
soc_canvas_forget_children (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, priv->children);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_hash_table_iter_steal (&iter);
      gtk_widget_unparent (value);
    }
  priv->focus = NULL;
}

/* A child for each object in view, and none for the rest but the one with
 * the focus, which stays while it has it. Children are made and dropped
 * here, never while the window is being laid out: a child added or
 * dropped then asks for another layout of everything above it, and GTK
 * paints the window without one ("snapshot without a current
 * allocation"). soc_canvas_size_allocate() only lays them where they go. */
void
soc_canvas_update_children (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  SocCanvasClass *klass = SOC_CANVAS_GET_CLASS (self);
  g_autoptr(GPtrArray) objects = g_ptr_array_new ();
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (SocRect));
  g_autoptr(GHashTable) keep = g_hash_table_new (NULL, NULL);
  SocRect v = soc_canvas_get_visible (self);
  GHashTableIter iter;
  gpointer key, value;

  g_clear_handle_id (&priv->children_idle, g_source_remove);
  priv->children_stale = FALSE;
  priv->n_updates++;
  if (klass->items_in != NULL && priv->selection != NULL)
    klass->items_in (self, &v, objects, rects);

  for (guint i = 0; i < objects->len; i++)
    {
      SocObject *object = g_ptr_array_index (objects, i);
      GtkWidget *child = g_hash_table_lookup (priv->children, object);
      g_autofree char *label = NULL;
      g_autofree char *description = NULL;

      if (child == NULL)
        {
          child = soc_canvas_item_new ();
          g_hash_table_insert (priv->children, object, child);
          gtk_widget_set_parent (child, GTK_WIDGET (self));
        }
      /* Described when new and after a change, not each time the view
       * moves or the focus does. */
      if (soc_canvas_item_get_serial (SOC_CANVAS_ITEM (child)) != priv->serial ||
          soc_canvas_item_get_object (SOC_CANVAS_ITEM (child)) != object)
        {
          if (klass->describe != NULL)
            klass->describe (self, object, &label, &description);
          soc_canvas_item_set_object (SOC_CANVAS_ITEM (child), object, label, description);
          soc_canvas_item_set_serial (SOC_CANVAS_ITEM (child), priv->serial);
          priv->n_described++;
        }
      soc_canvas_item_set_rect (SOC_CANVAS_ITEM (child), &g_array_index (rects, SocRect, i));
      /* One tab stop: the focus object's, else the first in view. */
      gtk_widget_set_focusable (child, priv->focus != NULL ? object == priv->focus : i == 0);
      g_hash_table_add (keep, object);
    }

  g_hash_table_iter_init (&iter, priv->children);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *child = value;

      if (g_hash_table_contains (keep, key))
        continue;
      if (gtk_widget_has_focus (child) && key == (gpointer) priv->focus)
        {
          /* Scrolled away with the focus: off to the side, still there. */
          SocRect away = SOC_RECT_INIT (v.x - 100, v.y - 100, 1, 1);

          soc_canvas_item_set_rect (SOC_CANVAS_ITEM (child), &away);
          continue;
        }
      g_hash_table_iter_remove (&iter);
      gtk_widget_unparent (child);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static gboolean
update_children_idle (gpointer data)
{
  SocCanvas *self = data;
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  priv->children_idle = 0;
  /* A hidden canvas (a view not shown) lays nothing out until it is shown
   * again, and keeps no children meanwhile (but one with the keyboard). */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, priv->children);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        if (!gtk_widget_has_focus (value))
          {
            g_hash_table_iter_steal (&iter);
            gtk_widget_unparent (value);
          }
      priv->children_stale = TRUE;
    }
  else
    soc_canvas_update_children (self);
  return G_SOURCE_REMOVE;
}

static void
soc_canvas_map (GtkWidget *widget)
{
  SocCanvas *self = SOC_CANVAS (widget);

  GTK_WIDGET_CLASS (soc_canvas_parent_class)->map (widget);
  /* Shown again: the children for what is in view come before the frame;
   * what was painted is kept, unless the plan changed meanwhile. */
  schedule_children (self);
}

/* How many times the children were made to follow the view (for tests). */
guint
soc_canvas_get_n_updates (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  g_return_val_if_fail (SOC_IS_CANVAS (self), 0);
  return priv->n_updates;
}

/* How many times the content was painted (for tests). */
guint
soc_canvas_get_n_paints (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  g_return_val_if_fail (SOC_IS_CANVAS (self), 0);
  return priv->n_paints;
}

/* How many times a child was named and described (for tests). */
guint
soc_canvas_get_n_described (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  g_return_val_if_fail (SOC_IS_CANVAS (self), 0);
  return priv->n_described;
}

/* The children follow the view soon: before the frame clock's next layout
 * (GDK_PRIORITY_REDRAW comes after G_PRIORITY_HIGH_IDLE). */
static void
schedule_children (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  if (priv->children_idle == 0)
    priv->children_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, update_children_idle, self, NULL);
}

/* Lays each child over its object, as the view is scrolled now. */
static void
allocate_children (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  SocRect v = soc_canvas_get_visible (self);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, priv->children);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const SocRect *r = soc_canvas_item_get_rect (value);
      GtkAllocation a;
      int ignored;

      /* Asked first, as GTK wants of every widget it lays out: a child
       * has no size of its own, it takes its object's. */
      gtk_widget_measure (value, GTK_ORIENTATION_HORIZONTAL, -1, &ignored, NULL, NULL, NULL);
      a.x = (int) floor (r->x - v.x);
      a.y = (int) floor (r->y - v.y);
      a.width = MAX (1, (int) ceil (r->width));
      a.height = MAX (1, (int) ceil (r->height));
      gtk_widget_size_allocate (value, &a, -1);
    }
}

/* Puts the keyboard on OBJECT's child (the subclass scrolls to it first). */
void
soc_canvas_focus_object (SocCanvas *self,
                         SocObject *object)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  GtkWidget *child;

  soc_canvas_set_focus_object (self, object);
  /* The children follow the view first, unless they do already. */
  child = soc_canvas_get_child_for (self, object);
  if (child == NULL || priv->children_idle != 0 || priv->children_stale)
    {
      soc_canvas_update_children (self);
      child = soc_canvas_get_child_for (self, object);
    }
  if (child != NULL)
    gtk_widget_grab_focus (child);
}

/* ------------------------------------------------------------------------ */
/* Renaming in place                                                        */

SocObject *
soc_canvas_get_renaming (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  return priv->renaming;
}

static void
finish_rename (SocCanvas *self,
               gboolean   commit)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  SocObject *object = priv->renaming;

  if (priv->editor == NULL || object == NULL)
    return;
  priv->renaming = NULL;
  gtk_widget_set_visible (priv->editor, FALSE);
  if (commit && priv->rename_commit != NULL)
    priv->rename_commit (self, object, gtk_editable_get_text (GTK_EDITABLE (priv->editor)));
  if (gtk_widget_has_focus (priv->editor) || soc_canvas_has_focus_within (self))
    {
      GtkWidget *child = soc_canvas_get_child_for (self, object);

      if (child == NULL || !gtk_widget_grab_focus (child))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
soc_canvas_cancel_rename (SocCanvas *self)
{
  finish_rename (self, FALSE);
}

/* Ends renaming in place, keeping what was typed (before a save). */
void
soc_canvas_commit_rename (SocCanvas *self)
{
  g_return_if_fail (SOC_IS_CANVAS (self));
  finish_rename (self, TRUE);
}

static void
on_editor_activate (GtkEntry  *entry,
                    SocCanvas *self)
{
  finish_rename (self, TRUE);
}

static gboolean
on_editor_key (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               SocCanvas             *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  finish_rename (self, FALSE);
  return TRUE;
}

static void
on_editor_focus_leave (GtkEventControllerFocus *controller,
                       SocCanvas               *self)
{
  finish_rename (self, TRUE);
}

/* An entry over RECT (content coordinates) holding TEXT, all of it
 * selected, named LABEL for screen readers: Enter or leaving it calls
 * COMMIT with what was typed, Escape puts everything back. */
void
soc_canvas_rename (SocCanvas           *self,
                   SocObject           *object,
                   const SocRect       *rect,
                   const char          *text,
                   const char          *label,
                   SocCanvasRenameFunc  commit)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  g_return_if_fail (SOC_IS_CANVAS (self));

  if (priv->renaming != NULL)
    finish_rename (self, TRUE);
  if (priv->editor == NULL)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();

      priv->editor = gtk_entry_new ();
      gtk_widget_add_css_class (priv->editor, "canvas-editor");
      gtk_widget_set_parent (priv->editor, GTK_WIDGET (self));
      g_signal_connect (priv->editor, "activate", G_CALLBACK (on_editor_activate), self);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (on_editor_key), self);
      gtk_widget_add_controller (priv->editor, keys);
      g_signal_connect (focus, "leave", G_CALLBACK (on_editor_focus_leave), self);
      gtk_widget_add_controller (priv->editor, focus);
    }
  priv->renaming = object;
  priv->renaming_rect = *rect;
  priv->rename_commit = commit;
  gtk_editable_set_text (GTK_EDITABLE (priv->editor), text != NULL ? text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->editor), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (priv->editor, TRUE);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (priv->editor);
  gtk_editable_select_region (GTK_EDITABLE (priv->editor), 0, -1);
}

/* ------------------------------------------------------------------------ */
/* Zoom                                                                     */

static void
zoom_by (SocCanvas *self,
         double     factor,
         double     x,
         double     y)
{
  SocCanvasClass *klass = SOC_CANVAS_GET_CLASS (self);

  if (klass->zoom != NULL)
    klass->zoom (self, factor, x, y);
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           SocCanvas                *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  priv->pointer_x = x;
  priv->pointer_y = y;
}

static gboolean
on_scroll (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           SocCanvas                *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;   /* the scrolled window scrolls */
  if (dy != 0)
    zoom_by (self, pow (ZOOM_STEP, -dy), priv->pointer_x, priv->pointer_y);
  return TRUE;
}

static void
on_pinch_begin (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                SocCanvas        *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  priv->pinch_scale = 1.0;
}

static void
on_pinch (GtkGestureZoom *gesture,
          double          scale,
          SocCanvas      *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  double x, y;

  if (scale <= 0 || priv->pinch_scale <= 0)
    return;
  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  zoom_by (self, scale / priv->pinch_scale, x, y);
  priv->pinch_scale = scale;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                SocCanvas             *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  double cx = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double cy = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  if (mods != GDK_CONTROL_MASK && mods != (GDK_CONTROL_MASK | GDK_SHIFT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      zoom_by (self, ZOOM_STEP, cx, cy);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      zoom_by (self, 1 / ZOOM_STEP, cx, cy);
      return TRUE;
    case GDK_KEY_0:
    case GDK_KEY_KP_0:
      zoom_by (self, 0, cx, cy);
      return TRUE;
    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------------ */
/* GtkWidget                                                                */

static void
on_adjustment_value (SocCanvas *self)
{
  schedule_children (self);   /* the children follow */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (SocCanvas      *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment != NULL && *slot == adjustment)
    return;
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_data (*slot, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (on_adjustment_value), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
content_size (SocCanvas *self,
              double    *width,
              double    *height)
{
  SocCanvasClass *klass = SOC_CANVAS_GET_CLASS (self);

  *width = *height = 0;
  if (klass->get_content_size != NULL)
    klass->get_content_size (self, width, height);
}

static void
soc_canvas_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  double w, h;

  /* The content's size: the scrolled window decides on its scrollbars from
   * this as well as from the adjustments, and the two must agree. */
  content_size (SOC_CANVAS (widget), &w, &h);
  *minimum = *natural = (int) ceil (orientation == GTK_ORIENTATION_HORIZONTAL ? w : h);
}

static void
soc_canvas_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  SocCanvas *self = SOC_CANVAS (widget);
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  double w, h;

  content_size (self, &w, &h);
  g_signal_handlers_block_by_func (priv->hadjustment, on_adjustment_value, self);
  g_signal_handlers_block_by_func (priv->vadjustment, on_adjustment_value, self);
  gtk_adjustment_configure (priv->hadjustment, gtk_adjustment_get_value (priv->hadjustment), 0, MAX (width, w),
                            width * 0.1, width * 0.9, width);
  gtk_adjustment_configure (priv->vadjustment, gtk_adjustment_get_value (priv->vadjustment), 0, MAX (height, h),
                            height * 0.1, height * 0.9, height);
  g_signal_handlers_unblock_by_func (priv->hadjustment, on_adjustment_value, self);
  g_signal_handlers_unblock_by_func (priv->vadjustment, on_adjustment_value, self);

  /* A new size shows other objects: their children come before the next frame. */
  if (width != priv->last_width || height != priv->last_height)
    {
      priv->last_width = width;
      priv->last_height = height;
      schedule_children (self);
    }
  allocate_children (self);

  if (priv->editor != NULL && gtk_widget_get_visible (priv->editor))
    {
      SocRect v = soc_canvas_get_visible (self);
      int min_w, min_h;
      GtkAllocation a;

      gtk_widget_measure (priv->editor, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
      gtk_widget_measure (priv->editor, GTK_ORIENTATION_VERTICAL, -1, &min_h, NULL, NULL, NULL);
      a.x = (int) (priv->renaming_rect.x - v.x);
      a.y = (int) (priv->renaming_rect.y + priv->renaming_rect.height / 2 - v.y) - min_h / 2;
      a.width = MAX (min_w, (int) priv->renaming_rect.width);
      a.height = min_h;
      gtk_widget_size_allocate (priv->editor, &a, -1);
    }
}

/* A content this small (in device pixels) is painted whole: scrolling
 * over it never paints it again. */
#define WHOLE_CONTENT_PIXELS (3 * 1024 * 1024)

/* The part of the content to paint for the view V: all of it when it is
 * small, else the view and half a view around it; never more than the
 * content and the view together span. */
static SocRect
content_region (SocCanvas     *self,
                const SocRect *v,
                int            scale)
{
  double cw, ch, right, bottom;
  SocRect region;

  content_size (self, &cw, &ch);
  right = ceil (MAX (cw, v->x + v->width));
  bottom = ceil (MAX (ch, v->y + v->height));
  if (right * bottom * scale * scale <= WHOLE_CONTENT_PIXELS)
    return SOC_RECT_INIT (0, 0, right, bottom);
  region.x = floor (MAX (0, v->x - v->width / 2));
  region.y = floor (MAX (0, v->y - v->height / 2));
  region.width = MIN (right, ceil (v->x + v->width + v->width / 2)) - region.x;
  region.height = MIN (bottom, ceil (v->y + v->height + v->height / 2)) - region.y;
  return region;
}

static void
soc_canvas_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  SocCanvas *self = SOC_CANVAS (widget);
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  SocCanvasClass *klass = SOC_CANVAS_GET_CLASS (self);
  SocRect v = soc_canvas_get_visible (self);

  if (v.width <= 0 || v.height <= 0)
    return;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (-v.x, -v.y));

  /* The content: painted once over a region around the view, reused while
   * scrolling within it. */
  if (priv->content == NULL || !soc_rect_contains_rect (&priv->content_rect, &v))
    {
      GtkSnapshot *content = gtk_snapshot_new ();
      int scale = gtk_widget_get_scale_factor (widget);
      SocRect region = content_region (self, &v, scale);
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) region.width * scale,
                                                           (int) region.height * scale);
      cairo_t *cr;

      cairo_surface_set_device_scale (image, scale, scale);
      cr = cairo_create (image);
      cairo_translate (cr, -region.x, -region.y);
      cairo_rectangle (cr, region.x, region.y, region.width, region.height);
      cairo_clip (cr);
      if (klass->paint_content != NULL)
        klass->paint_content (self, cr, &region);
      cairo_destroy (cr);
      priv->n_paints++;
      cr = gtk_snapshot_append_cairo (content, &GRAPHENE_RECT_INIT (region.x, region.y,
                                                                    region.width, region.height));
      cairo_set_source_surface (cr, image, region.x, region.y);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_destroy (image);
      g_clear_pointer (&priv->content, gsk_render_node_unref);
      priv->content = gtk_snapshot_free_to_node (content);
      priv->content_rect = region;
      if (soc_label_cache_size (priv->labels) > 4000)
        soc_label_cache_trim (priv->labels);
    }
  if (priv->content != NULL)
    gtk_snapshot_append_node (snapshot, priv->content);

  if (klass->snapshot_overlay != NULL)
    klass->snapshot_overlay (self, snapshot, &v);
  gtk_snapshot_restore (snapshot);

  /* The children draw nothing; the entry does. */
  if (priv->editor != NULL && gtk_widget_get_visible (priv->editor))
    gtk_widget_snapshot_child (widget, priv->editor, snapshot);
}

static void
soc_canvas_css_changed (GtkWidget         *widget,
                        GtkCssStyleChange *change)
{
  SocCanvas *self = SOC_CANVAS (widget);
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  GTK_WIDGET_CLASS (soc_canvas_parent_class)->css_changed (widget, change);
  priv->palette = NULL;   /* picked again: light, dark or high contrast */
  soc_canvas_invalidate (self, FALSE);
}

static gboolean
soc_canvas_grab_focus (GtkWidget *widget)
{
  SocCanvas *self = SOC_CANVAS (widget);
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  GtkWidget *child;

  /* The keyboard goes to the focus object, else the first in view. */
  soc_canvas_update_children (self);
  child = soc_canvas_get_child_for (self, priv->focus);
  if (child == NULL)
    {
      SocCanvasClass *klass = SOC_CANVAS_GET_CLASS (self);
      g_autoptr(GPtrArray) objects = g_ptr_array_new ();
      g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (SocRect));
      SocRect v = soc_canvas_get_visible (self);

      if (klass->items_in != NULL && priv->selection != NULL)
        klass->items_in (self, &v, objects, rects);
      if (objects->len > 0)
        {
          priv->focus = g_ptr_array_index (objects, 0);
          child = soc_canvas_get_child_for (self, priv->focus);
        }
    }
  if (child != NULL && gtk_widget_grab_focus (child))
    return TRUE;
  return GTK_WIDGET_CLASS (soc_canvas_parent_class)->grab_focus (widget);
}

static void
soc_canvas_dispose (GObject *object)
{
  SocCanvas *self = SOC_CANVAS (object);
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  g_clear_handle_id (&priv->children_idle, g_source_remove);
  if (priv->children != NULL)
    soc_canvas_forget_children (self);
  g_clear_pointer (&priv->editor, gtk_widget_unparent);
  priv->renaming = NULL;
  if (priv->hadjustment != NULL)
    g_signal_handlers_disconnect_by_data (priv->hadjustment, self);
  if (priv->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (priv->vadjustment, self);
  g_clear_object (&priv->hadjustment);
  g_clear_object (&priv->vadjustment);
  g_clear_object (&priv->selection);
  if (priv->document != NULL)
    g_signal_handlers_disconnect_by_data (priv->document, self);
  g_clear_object (&priv->document);
  g_clear_pointer (&priv->content, gsk_render_node_unref);

  G_OBJECT_CLASS (soc_canvas_parent_class)->dispose (object);
}

static void
soc_canvas_finalize (GObject *object)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (SOC_CANVAS (object));

  g_clear_pointer (&priv->children, g_hash_table_unref);
  g_clear_pointer (&priv->labels, soc_label_cache_free);
  g_clear_pointer (&priv->text, soc_text_unref);

  G_OBJECT_CLASS (soc_canvas_parent_class)->finalize (object);
}

static void
soc_canvas_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (SOC_CANVAS (object));

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, priv->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, priv->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, priv->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, priv->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_canvas_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SocCanvas *self = SOC_CANVAS (object);
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &priv->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &priv->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (priv->hscroll_policy != (guint) g_value_get_enum (value))
        {
          priv->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (priv->vscroll_policy != (guint) g_value_get_enum (value))
        {
          priv->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
soc_canvas_class_init (SocCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = soc_canvas_dispose;
  object_class->finalize = soc_canvas_finalize;
  object_class->get_property = soc_canvas_get_property;
  object_class->set_property = soc_canvas_set_property;
  widget_class->measure = soc_canvas_measure;
  widget_class->size_allocate = soc_canvas_size_allocate;
  widget_class->map = soc_canvas_map;
  widget_class->snapshot = soc_canvas_snapshot;
  widget_class->css_changed = soc_canvas_css_changed;
  widget_class->grab_focus = soc_canvas_grab_focus;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
soc_canvas_init (SocCanvas *self)
{
  SocCanvasPrivate *priv = soc_canvas_get_instance_private (self);
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *pinch = gtk_gesture_zoom_new ();

  priv->text = soc_text_new (NULL);
  priv->labels = soc_label_cache_new (priv->text);
  priv->children = g_hash_table_new (NULL, NULL);
  priv->serial = 1;   /* a new child, at 0, is described */
  priv->pointer_x = priv->pointer_y = 0;
  set_adjustment (self, &priv->hadjustment, NULL);
  set_adjustment (self, &priv->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (pinch, "begin", G_CALLBACK (on_pinch_begin), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (on_pinch), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
}
