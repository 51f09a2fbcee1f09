#!/usr/bin/env python3
"""Copies a WXR export with one published post's body changed (the incremental benchmark).

The post is the first published article in the file; a sentence is added at the start of
its body, so that its page, its excerpt on listing pages and possibly the feed change.
Streams line by line: the 100k-post export is 830 MB.
"""
import sys

source, target = sys.argv[1], sys.argv[2]
item = []
changed = False
with open(source, encoding="utf-8") as inp, open(target, "w", encoding="utf-8") as out:
    for line in inp:
        if changed:
            out.write(line)
            continue
        if line.lstrip().startswith("<item>") or item:
            item.append(line)
            if line.lstrip().startswith("</item>"):
                text = "".join(item)
                published = any(f"<wp:status>{v}</wp:status>" in text for v in ("publish", "<![CDATA[publish]]>"))
                article = any(f"<wp:post_type>{v}</wp:post_type>" in text for v in ("post", "<![CDATA[post]]>"))
                if not changed and published and article:
                    text = text.replace("<content:encoded><![CDATA[",
                                        "<content:encoded><![CDATA[Nachtrag: geändert. ", 1)
                    changed = True
                out.write(text)
                item = []
            continue
        out.write(line)
if not changed:
    sys.exit("change_one_post: no published article found in " + source)
