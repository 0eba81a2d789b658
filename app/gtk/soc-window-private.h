/* soc-window-private.h: what soc-window.c and soc-window-actions.c share
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "soc-checklist-panel.h"
#include "soc-inspector.h"
#include "soc-selection.h"
#include "soc-view.h"
#include "soc-window.h"

G_BEGIN_DECLS

struct _SocWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack         *stack;
  GtkMenuButton        *menu_button;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkToggleButton      *inspector_button;
  GtkRevealer          *changed_banner;
  AdwToastOverlay      *toast_overlay;
  GtkPaned             *inspector_paned;
  GtkPaned             *checklist_paned;
  SocChecklistPanel    *checklist;
  SocInspector         *inspector;
  GMenu                *recent_menu;

  /* State */
  GSettings            *settings;     /* NULL when the schema is not installed */
  SocDraftStore        *drafts;       /* the application's, while the window shows a document */
  SocDocument          *document;
  SocSelection         *selection;    /* the document's one selection, shared by every view */
  GPtrArray            *views;        /* SocView: the pages of the stack, not owned */
  GHashTable           *actions_enabled; /* action name -> 1 disabled, 2 enabled, as last set */
  GFileMonitor         *monitor;
  GCancellable         *cancellable;
  gboolean              close_confirmed;
  gboolean              saving;
};

void     _soc_window_class_actions_init (SocWindowClass *klass);
SocView *_soc_window_get_visible_view   (SocWindow      *self);
void _soc_window_update_actions     (SocWindow      *self);
void _soc_window_show_message       (SocWindow      *self,
                                     const char     *message);
AdwToast *_soc_window_get_toast     (SocWindow      *self,
                                     const char     *kind);
AdwToast *_soc_window_show_report   (SocWindow      *self,
                                     const char     *text,
                                     const char     *button_label,
                                     guint           timeout);
void _soc_window_commit_typing      (SocWindow      *self);
void _soc_window_choose_in_folder   (SocWindow      *self,
                                     GtkFileChooser *chooser);
void _soc_window_save               (SocWindow      *self,
                                     gboolean        close_after);
void _soc_window_save_as            (SocWindow      *self,
                                     gboolean        close_after);
void _soc_window_save_to            (SocWindow      *self,
                                     GFile          *file);

/* soc-window-merge.c */
void _soc_window_class_merge_init   (SocWindowClass *klass);
void _soc_window_keep_base          (SocWindow      *self);
void _soc_window_offer_recorded_conflicts (SocWindow *self);

G_END_DECLS
