#!/usr/bin/env python3
"""Every icon-only button in the GtkBuilder files of ui/ has a name a screen reader can say:
an <accessibility> label (a tooltip is only a description in GTK 4.8). Prints each button that
lacks one, with its file and id, and fails."""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

BUTTONS = {"GtkButton", "GtkToggleButton", "GtkMenuButton"}


def has_property(obj, name):
    return any(p.get("name") == name for p in obj.findall("property"))


def accessible_label(obj):
    for acc in obj.findall("accessibility"):
        for prop in acc.findall("property"):
            if prop.get("name") in ("label", "labelled-by"):
                return True
        for rel in acc.findall("relation"):
            if rel.get("name") == "labelled-by":
                return True
    return False


def has_text_child(obj):
    for child in obj.findall("child"):
        for inner in child.iter("object"):
            if inner.get("class") in ("GtkLabel", "AdwButtonContent"):
                return True
    return False


def main(ui_dir):
    missing = []
    checked = 0
    for path in sorted(Path(ui_dir).rglob("*.ui")):
        root = ET.parse(path).getroot()
        for obj in root.iter("object"):
            if obj.get("class") not in BUTTONS:
                continue
            if not has_property(obj, "icon-name") or has_property(obj, "label"):
                continue
            if has_text_child(obj):
                continue
            checked += 1
            if not accessible_label(obj):
                missing.append(f"{path}: {obj.get('class')} {obj.get('id') or '(no id)'}")
    for line in missing:
        print("no accessible name:", line)
    print(f"checked {checked} icon-only buttons, {len(missing)} without a name")
    return 1 if missing or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
