#!/usr/bin/env python3
"""Fills the English plural forms of translations/maple_en.ts.

Sources use "%n device(s)" (tr(text, nullptr, n)); Qt shows the source as is unless the English
translation gives the singular and plural forms. For each numerus message this writes
"%n device" and "%n devices" (and "y(ies)" -> "y"/"ies"), marks it finished, and leaves every
other message alone. Run after lupdate:  scripts/en_plurals.py translations/maple_en.ts
"""
import re
import sys
import xml.etree.ElementTree as ET

PATTERNS = [(re.compile(r"y\(ies\)"), ("y", "ies")), (re.compile(r"\(s\)"), ("", "s")), (re.compile(r"\(es\)"), ("", "es"))]


def forms(source):
    singular, plural = source, source
    for pattern, (one, many) in PATTERNS:
        singular = pattern.sub(one, singular)
        plural = pattern.sub(many, plural)
    return singular, plural


def main(path):
    tree = ET.parse(path)
    changed = 0
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        for child in list(translation):
            translation.remove(child)
        translation.text = None
        for text in forms(source):
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
        changed += 1
    with open(path, "wb") as f:
        f.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(f, encoding="utf-8", xml_declaration=False)
    print(f"{path}: {changed} plural messages filled")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: en_plurals.py translations/maple_en.ts")
    main(sys.argv[1])
