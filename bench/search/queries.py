#!/usr/bin/env python3
"""Known-item queries for the search benchmark, drawn from a corpus made by
../shared/bench/gen_corpus.py: each query names one published post that a reader
remembers, in one of four ways, and the post's path is the answer.

  title     two of the post's rarest title words, as written
  inflected a rare title noun inflected (Straße -> Straßen, Hund -> Hunde)
  compound  the head of a compound in the title (Haustür -> Tür)
  umlaut    a rare title word with ä/ö/ü/ß typed as ae/oe/ue/ss
Except for "title", the word under test comes with the title's most common other word
rather than a second rare one: a rare companion alone would find the post, and the
query would no longer test whether the tool understood the first word.

Usage: queries.py WXR NOUNS_FROM_GEN_CORPUS --per-kind N --seed S > queries.json
"""
import argparse
import json
import random
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from urllib.parse import urlparse

WP = "{http://wordpress.org/export/1.2/}"
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def published_posts(wxr):
    for _, item in ET.iterparse(wxr):
        if item.tag != "item":
            continue
        if item.findtext(WP + "status") == "publish" and item.findtext(WP + "post_type") == "post" \
                and not item.findtext(WP + "post_password"):
            yield item.findtext("title"), urlparse(item.findtext("link")).path
        item.clear()


def word_list(gen_corpus, name):
    text = open(gen_corpus, encoding="utf-8").read()
    return set(re.search(name + r' = """(.*?)"""', text, re.S).group(1).split())


def inflect(word):
    """A plural or dative form: Straße -> Straßen, Artikel -> Artikeln, Hund -> Hunde."""
    if word.endswith("e"):
        return word + "n"
    if word.endswith(("ung", "heit", "keit", "schaft")):
        return word + "en"
    if word.endswith(("el", "er")):
        return word + "n"
    return word + "e"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("wxr")
    parser.add_argument("gen_corpus")
    parser.add_argument("--per-kind", type=int, default=100)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    posts = list(published_posts(args.wxr))
    noun_set = word_list(args.gen_corpus, "NOUNS")
    nouns = sorted(noun_set, key=len, reverse=True)
    function_words = word_list(args.gen_corpus, "FUNC")
    frequency = Counter(w.lower() for title, _ in posts for w in set(WORD.findall(title)))
    rng = random.Random(args.seed)
    rng.shuffle(posts)
    queries = {kind: [] for kind in ("title", "inflected", "compound", "umlaut")}
    for title, path in posts:
        words = [w for w in dict.fromkeys(WORD.findall(title)) if len(w) >= 4]
        if len(words) < 2:
            continue
        rare = sorted(words, key=lambda w: (frequency[w.lower()], w))
        common = sorted(rare[::-1], key=lambda w: w.lower() in function_words)  # content words first
        if len(queries["title"]) < args.per_kind:
            queries["title"].append({"query": f"{rare[0]} {rare[1]}", "target": path})
        nouns_in_title = [w for w in rare if w in noun_set]
        if nouns_in_title and len(queries["inflected"]) < args.per_kind:
            noun = nouns_in_title[0]
            other = next(w for w in common if w != noun)
            queries["inflected"].append({"query": f"{inflect(noun)} {other}", "target": path})
        for word in rare:
            head = next((n for n in nouns if word.lower().endswith(n.lower()) and len(word) >= len(n) + 3
                         and word not in noun_set), None)
            if head and len(queries["compound"]) < args.per_kind:
                other = next(w for w in common if w != word)
                queries["compound"].append({"query": f"{head} {other}", "target": path, "compound": word})
                break
        for word in rare:
            if re.search("[äöüÄÖÜß]", word) and len(queries["umlaut"]) < args.per_kind:
                spelled = word
                for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss")):
                    spelled = spelled.replace(a, b)
                other = next(w for w in common if w != word)
                queries["umlaut"].append({"query": f"{spelled} {other}", "target": path})
                break
        if all(len(q) >= args.per_kind for q in queries.values()):
            break
    json.dump(queries, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
