/* soc-print-actions.c: Print…, Print Preview… and Export… of a plan's window
 *
 * Copyright 2026 The Socplan authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each prints or exports the view the window shows: the print dialog
 * (with the Plan tab) and the preview through SocPrintOperation, files
 * through SocExportDialog. The window knows none of it but the three
 * action names.
 */

#define G_LOG_DOMAIN "soc-print-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "soc-export-dialog.h"
#include "soc-print-actions.h"
#include "soc-print-operation.h"
#include "soc-window-private.h"

/* The view WINDOW shows, by its name. */
static const char *
visible_view (SocWindow *window)
{
  const char *name = adw_view_stack_get_visible_child_name (window->stack);

  return soc_printable_view_is_known (name) ? name : "roadmap";
}

static void
on_print_done (GtkPrintOperation       *op,
               GtkPrintOperationResult  result,
               SocWindow               *window)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (op, &error);
  soc_application_show_error (SOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))),
                              GTK_WINDOW (window), _("The Plan Could Not Be Printed"),
                              error != NULL ? error->message : _("The printing system gave no reason."));
}

static void
run (SocWindow               *window,
     GtkPrintOperationAction  action)
{
  g_autoptr(SocPrintOperation) op = NULL;
  g_autoptr(GError) error = NULL;

  if (window->document == NULL)
    return;
  _soc_window_commit_typing (window);   /* what is being typed is printed too */
  op = soc_print_operation_new (window->document, visible_view (window));
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (op), TRUE);
  g_signal_connect_object (op, "done", G_CALLBACK (on_print_done), window, 0);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (op), action, GTK_WINDOW (window), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    soc_application_show_error (SOC_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))),
                                GTK_WINDOW (window), _("The Plan Could Not Be Printed"), error->message);
}

static void
print_action (GtkWidget  *widget,
              const char *action,
              GVariant   *param)
{
  run (SOC_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

static void
print_preview_action (GtkWidget  *widget,
                      const char *action,
                      GVariant   *param)
{
  run (SOC_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PREVIEW);
}

static void
export_action (GtkWidget  *widget,
               const char *action,
               GVariant   *param)
{
  SocWindow *window = SOC_WINDOW (widget);

  if (window->document == NULL)
    return;
  _soc_window_commit_typing (window);   /* what is being typed is exported too */
  gtk_window_present (GTK_WINDOW (soc_export_dialog_new (window, visible_view (window))));
}

void
soc_print_install_actions (GtkWidgetClass *widget_class)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), SOC_TYPE_WINDOW));

  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, print_preview_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.print-preview", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export", NULL);
}
