"""Score the stance rules on devset/stance/: sign accuracy on found clear stances, recall of them."""

from __future__ import annotations

import argparse

import polars as pl

from monitor.stance import extract_statements
from monitor.stance_devset import DEVSET, build_frames, load_devset, score
from monitor.stance_matching import load_cues


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--devset", default=str(DEVSET))
    parser.add_argument("--verbose", action="store_true", help="list misses, wrong signs, unexpected ones")
    args = parser.parse_args()
    docs = load_devset(args.devset)
    sentences, mentions = build_frames(docs)
    statements = extract_statements(sentences, mentions, load_cues())
    result = score(docs, statements)
    splits = sorted({d.get("split", "dev") for d in docs})
    for split in splits:
        part = [d for d in docs if d.get("split", "dev") == split]
        r = score(part, statements)
        print(
            f"[{split}] items {len(part)}: recall {r['recall']:.1%} ({r['found']}/{r['expected']}), "
            f"sign accuracy {r['sign_accuracy']:.1%} ({r['sign_correct']}/{r['found']})"
        )
    print(f"items {len(docs)}  expected clear stances {result['expected']}")
    print(f"recall        {result['recall']:.1%}  ({result['found']}/{result['expected']})  target >= 75%")
    print(
        f"sign accuracy {result['sign_accuracy']:.1%}  "
        f"({result['sign_correct']}/{result['found']})  target >= 90%"
    )
    print(f"unexpected (non-mutual) statements {result['unexpected']}")
    if args.verbose:
        with pl.Config(tbl_rows=100, fmt_str_lengths=40, tbl_width_chars=160):
            for name in ("misses", "wrong_sign", "extra"):
                print(name, result[name], sep="\n")


if __name__ == "__main__":
    main()
