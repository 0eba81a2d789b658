#!/usr/bin/env python3
# check-po.py SOURCE_ROOT: every user-visible string reaches translators
# (issue 14).
#
# - Every source file that marks strings (_(), N_(), C_(), NC_(), ngettext,
#   g_dngettext, translatable="yes", a schema's summaries, a desktop file or
#   metainfo) is listed in po/POTFILES, and every listed file exists: the
#   POT made from POTFILES leaves nothing out.
# - No literal reaches a widget, a dialog, a menu, a file chooser, a toast or
#   an error unmarked: the calls that take user-visible text are checked
#   argument by argument, and so are GtkBuilder files.
# - No translated sentence is built from pieces: ngettext and g_dngettext
#   are the only plural forms, and no "%s" format is glued from _() parts.
import os
import re
import sys

root = sys.argv[1]
problems = []


def rel(path):
    return os.path.relpath(path, root)


def sources():
    for top in ("app", "ui", "data"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith((".c", ".h", ".ui", ".in", ".gschema.xml")):
                    yield os.path.join(dirpath, name)


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


# C: comments and preprocessor lines out of the way, string contents kept.
def strip_comments(text):
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            out.append(re.sub(r"[^\n]", " ", text[i:end]))
            i = end
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            out.append(" " * (end - i))
            i = end
        elif c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


MARK_C = re.compile(r"\b(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2?|g_dgettext|dngettext)\s*\(\s*(?:GETTEXT_PACKAGE\s*,\s*)?\"")
MARK_UI = re.compile(r'translatable="yes"')
MARK_DATA = re.compile(r"<summary>|<description>|^Name=|<comment>|<name>", re.M)


def marks_strings(path, text):
    if path.endswith((".c", ".h")):
        return MARK_C.search(strip_comments(text)) is not None
    if path.endswith(".ui"):
        return MARK_UI.search(text) is not None
    return MARK_DATA.search(text) is not None


with open(os.path.join(root, "po", "POTFILES"), encoding="utf-8") as f:
    potfiles = [line.strip() for line in f if line.strip() and not line.startswith("#")]

for listed in potfiles:
    if not os.path.exists(os.path.join(root, listed)):
        problems.append(f"po/POTFILES: {listed} does not exist")

texts = {}
for path in sources():
    texts[path] = read(path)
    if marks_strings(path, texts[path]) and rel(path) not in potfiles:
        problems.append(f"{rel(path)}: marks strings for translation but is not in po/POTFILES")

# Calls that show their text to people, and which arguments hold it (from 0;
# "*" for every argument from the last index on, "label" for the values
# after GTK_ACCESSIBLE_PROPERTY_LABEL or _DESCRIPTION).
TEXT_ARGS = {
    "gtk_label_new": [0],
    "gtk_label_new_with_mnemonic": [0],
    "gtk_label_set_text": [1],
    "gtk_label_set_label": [1],
    "gtk_label_set_text_with_mnemonic": [1],
    "gtk_button_new_with_label": [0],
    "gtk_button_new_with_mnemonic": [0],
    "gtk_button_set_label": [1],
    "gtk_check_button_new_with_label": [0],
    "gtk_check_button_new_with_mnemonic": [0],
    "gtk_check_button_set_label": [1],
    "gtk_toggle_button_new_with_label": [0],
    "gtk_toggle_button_new_with_mnemonic": [0],
    "gtk_menu_button_set_label": [1],
    "gtk_window_set_title": [1],
    "gtk_widget_set_tooltip_text": [1],
    "gtk_widget_set_tooltip_markup": [1],
    "gtk_tooltip_set_text": [1],
    "gtk_editable_set_text": [],
    "gtk_entry_set_placeholder_text": [1],
    "gtk_text_set_placeholder_text": [1],
    "gtk_search_entry_set_placeholder_text": [1],
    "gtk_string_list_append": [1],
    "gtk_file_chooser_native_new": [0, 3, 4],
    "gtk_file_filter_set_name": [1],
    "gtk_file_chooser_set_current_name": [],
    "gtk_print_operation_set_job_name": [],
    "gtk_column_view_column_new": [0],
    "gtk_column_view_column_set_title": [1],
    "gtk_frame_new": [0],
    "gtk_expander_new": [0],
    "g_menu_append": [1],
    "g_menu_insert": [2],
    "g_menu_prepend": [1],
    "g_menu_item_new": [0],
    "g_menu_item_new_submenu": [0],
    "g_menu_item_new_section": [0],
    "g_menu_item_set_label": [1],
    "g_menu_append_submenu": [1],
    "g_menu_append_section": [1],
    "adw_toast_new": [0],
    "adw_toast_new_format": [0],
    "adw_toast_set_title": [1],
    "adw_toast_set_button_label": [1],
    "adw_message_dialog_new": [1, 2],
    "adw_message_dialog_set_heading": [1],
    "adw_message_dialog_set_body": [1],
    "adw_message_dialog_format_heading": [1],
    "adw_message_dialog_format_body": [1],
    "adw_message_dialog_add_response": [2],
    "adw_message_dialog_add_responses": ["odd2"],
    "adw_message_dialog_set_response_label": [2],
    "adw_preferences_row_set_title": [1],
    "adw_action_row_set_subtitle": [1],
    "adw_expander_row_set_subtitle": [1],
    "adw_preferences_group_set_title": [1],
    "adw_preferences_group_set_description": [1],
    "adw_preferences_page_set_title": [1],
    "adw_status_page_set_title": [1],
    "adw_status_page_set_description": [1],
    "adw_window_title_new": [0, 1],
    "adw_window_title_set_title": [1],
    "adw_window_title_set_subtitle": [1],
    "adw_view_stack_add_titled": [3],
    "adw_view_stack_page_set_title": [1],
    "adw_tab_page_set_title": [1],
    "adw_combo_row_set_title": [1],
    "adw_entry_row_set_title": [1],
    "gtk_accessible_update_property": ["label"],
    "g_set_error": [3],
    "g_set_error_literal": [3],
    "g_task_return_new_error": [3],
    "g_error_new": [2],
    "g_error_new_literal": [2],
    "soc_application_show_error": [2, 3],
}

# Messages that stay English on purpose: programmers' errors naming a GType.
ALLOWED = [
    re.compile(r'"%s has no field'),
    re.compile(r'"Cannot set %s from a %s"'),
    # FILE:LINE:COLUMN: error: MESSAGE is a format for tools, not a sentence.
    re.compile(r'^"%s:(?:%d|%u|1):(?:%d|%u|1): error: %s"$'),
]


def split_args(text, start):
    """The top-level arguments of the call whose "(" is at START."""
    args, depth, i, cur = [], 0, start + 1, []
    n = len(text)
    while i < n:
        c = text[i]
        if c == '"' or c == "'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            cur.append(text[i:j + 1])
            i = j + 1
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append("".join(cur).strip())
                return args
            depth -= 1
        elif c == "," and depth == 0:
            args.append("".join(cur).strip())
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    return args


CALL = re.compile(r"\b(" + "|".join(sorted(TEXT_ARGS, key=len, reverse=True)) + r")\s*\(")
LITERAL = re.compile(r'^"(?:[^"\\]|\\.)*"(?:\s*"(?:[^"\\]|\\.)*")*$')
WORDS = re.compile(r"[A-Za-z]{2,}")


def unmarked(arg):
    if not LITERAL.match(arg):
        return False
    if not WORDS.search(re.sub(r"%[-0-9.]*[a-zA-Z]", "", arg)):
        return False
    return not any(a.search(arg) for a in ALLOWED)


for path, text in texts.items():
    if not path.endswith(".c"):
        continue
    code = strip_comments(text)
    for m in CALL.finditer(code):
        func = m.group(1)
        args = split_args(code, m.end() - 1)
        positions = TEXT_ARGS[func]
        chosen = []
        for p in positions:
            if p == "odd2":
                chosen += args[2::2]
            elif p == "label":
                for k, a in enumerate(args):
                    if a in ("GTK_ACCESSIBLE_PROPERTY_LABEL", "GTK_ACCESSIBLE_PROPERTY_DESCRIPTION") and k + 1 < len(args):
                        chosen.append(args[k + 1])
            elif p < len(args):
                chosen.append(args[p])
        for a in chosen:
            if unmarked(a):
                line = code.count("\n", 0, m.start()) + 1
                problems.append(f"{rel(path)}:{line}: {func}() shows {a} without _()")

    # Plurals through g_dngettext: it names the domain, so a library's
    # strings are found whatever textdomain() the program set.
    for m in re.finditer(r'(?<![\w])ngettext\s*\(', code):
        line = code.count("\n", 0, m.start()) + 1
        problems.append(f"{rel(path)}:{line}: ngettext() without a domain: use g_dngettext (GETTEXT_PACKAGE, ...)")

    # A plural by hand, or a sentence glued from translated pieces.
    for m in re.finditer(r'\?\s*(?:_\s*\(\s*)?"([^"]*[A-Za-z])"\)?\s*:\s*(?:_\s*\(\s*)?"\1s"', code):
        line = code.count("\n", 0, m.start()) + 1
        problems.append(f"{rel(path)}:{line}: a plural chosen by hand: use ngettext or g_dngettext")

# GtkBuilder: text properties carry translatable="yes".
UI_TEXT = re.compile(r'<(property|attribute) name="(label|title|subtitle|tooltip-text|tooltip-markup|text|'
                     r'placeholder-text|description|heading|body|button-label|secondary-text)"([^>]*)>([^<]*)<')
for path, text in texts.items():
    if not path.endswith(".ui"):
        continue
    for m in UI_TEXT.finditer(text):
        attrs, value = m.group(3), m.group(4)
        if value.strip() and WORDS.search(value) and 'translatable="yes"' not in attrs:
            line = text.count("\n", 0, m.start()) + 1
            problems.append(f"{rel(path)}:{line}: {m.group(2)} “{value.strip()}” is not translatable")

for p in problems:
    print(p)
if problems:
    print(f"{len(problems)} problem(s): see po/POTFILES and mark the strings with _()")
    sys.exit(1)
print(f"{len(potfiles)} files in po/POTFILES; every marked string is listed, no unmarked text found")
