#!/usr/bin/env python3
"""Writes a CSV of job postings of at least SIZE_MB megabytes (default 1024) for the peak-memory
measurement of `jobfit postings import` (see docs/postings-store.md). The rows are the corpus
descriptions in ../shared/corpus repeated, each copy with a distinct title suffix so that no
two rows are duplicates. Never commit the output.

usage: bench/make_big_csv.py OUT.csv [SIZE_MB] [CORPUS_DIR]
"""
import csv
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))


def corpus_dir(arg):
    for d in [arg, os.environ.get("JOBFIT_CORPUS"), os.path.join(here, "..", "..", "shared", "corpus"),
              os.path.join(here, "..", "..", "..", "shared", "corpus")]:
        if d and os.path.exists(os.path.join(d, "gjobs_postings.csv")):
            return d
    sys.exit("no corpus: pass its folder or set JOBFIT_CORPUS")


def rows(folder):
    out = []
    columns = {"gjobs_postings.csv": ("title", "company_name", "location", "description"),
               "glassdoor_jobs.csv": ("Job Title", "Company Name", "Location", "Job Description"),
               "uncleaned_ds_jobs.csv": ("Job Title", "Company Name", "Location", "Job Description")}
    for name, (t, c, l, d) in columns.items():
        with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
            for r in csv.DictReader(f):
                out.append((r[t], r[c], r[l], r[d]))
    return out


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    target = int(sys.argv[2] if len(sys.argv) > 2 else 1024) * 1024 * 1024
    source = rows(corpus_dir(sys.argv[3] if len(sys.argv) > 3 else None))
    with open(sys.argv[1], "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["title", "company", "location", "description"])
        n = 0
        while f.tell() < target:
            t, c, l, d = source[n % len(source)]
            w.writerow([f"{t} #{n}", c, l, d])
            n += 1
    print(f"{sys.argv[1]}: {n} rows, {os.path.getsize(sys.argv[1]) / 1e6:.0f} MB")


main()
