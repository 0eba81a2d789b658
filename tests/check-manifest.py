#!/usr/bin/env python3
# check-manifest.py MANIFEST APP_ID: the Flatpak manifest is valid JSON and
# asks for what Socplan needs and nothing more (issue 14): the GNOME runtime
# and SDK, a minimal sandbox (files and printing through portals), libical
# as a module, the app built from this tree with meson and its tests run.
import json
import re
import sys

manifest, app_id = sys.argv[1], sys.argv[2]
problems = []

with open(manifest, encoding="utf-8") as f:
    try:
        m = json.load(f)
    except json.JSONDecodeError as e:
        print(f"{manifest}:{e.lineno}:{e.colno}: error: not JSON: {e.msg}")
        sys.exit(1)

def want(cond, what):
    if not cond:
        problems.append(what)

want(m.get("id") == app_id, f"id is {app_id}")
want(m.get("runtime") == "org.gnome.Platform", "runtime is org.gnome.Platform")
want(m.get("sdk") == "org.gnome.Sdk", "sdk is org.gnome.Sdk")
version = str(m.get("runtime-version", ""))
want(version.isdigit() and int(version) >= 47, "runtime-version is a current GNOME release (47 or later)")
want(m.get("command") == "socplan", "command is socplan")

args = m.get("finish-args", [])
for needed in ["--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"]:
    want(needed in args, f"finish-args has {needed}")
for arg in args:
    want(not arg.startswith("--filesystem"), f"no file system access: files go through portals ({arg})")
    want(arg not in ("--socket=x11", "--device=all", "--share=network", "--socket=session-bus"),
         f"a minimal sandbox ({arg})")

modules = m.get("modules", [])
names = [mod.get("name") if isinstance(mod, dict) else mod for mod in modules]
want("libical" in names, "libical is a module")
want(names and names[-1] == "socplan", "socplan is the last module")
for mod in modules:
    if not isinstance(mod, dict):
        continue
    for src in mod.get("sources", []):
        if src.get("type") == "archive":
            want(re.fullmatch(r"[0-9a-f]{64}", src.get("sha256", "")) is not None,
                 f"{mod.get('name')}: an archive has a sha256")
    if mod.get("name") == "socplan":
        want(mod.get("buildsystem") == "meson", "socplan builds with meson")
        want(mod.get("run-tests") is True, "socplan's tests run in the build")
        want(any(s.get("type") == "dir" and s.get("path") == ".." for s in mod.get("sources", [])),
             "socplan is built from the local tree")

for p in problems:
    print(f"{manifest}: error: the manifest should say: {p}")
sys.exit(1 if problems else 0)
