#!/usr/bin/env python3
"""Generate the file-path benchmark data for edurules-absence.

usage: gen.py OUT_DIR [ROWS] [PUPILS] [--lessons]
       (defaults: 10,000,000 rows over 700,000 pupils)

Writes OUT_DIR/records.csv (`pupil_id,date,hours,kind`, in random pupil order, dates in the
seed-002 window 2017-09-15..2018-06-01 plus 1 % outside it, ~6 % late arrivals whose amount is
minutes late) and OUT_DIR/roster.csv (`pupil_id,school_id,level`, 5 % preschool). Deterministic
(fixed seed). With `--lessons` the records carry a numbered lesson (a `lesson` column, 1-7, one
hour each, as lesson-level registers export them; for the memory of duplicate detection, one
entry per pupil-day with a numbered lesson). Never commit the output: benches/data is git-ignored; /tmp is fine too.
"""
import datetime
import os
import random
import sys


def main():
    lessons = "--lessons" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--lessons"]
    out = args[0]
    rows = int(args[1]) if len(args) > 1 else 10_000_000
    pupils = int(args[2]) if len(args) > 2 else 700_000
    os.makedirs(out, exist_ok=True)
    rng = random.Random(20180611)
    first = datetime.date(2017, 9, 15)
    # 260 days from 2017-09-15 (the window has 260 days) plus 3 days after it: ~1 % outside.
    dates = [(first + datetime.timedelta(days=i)).isoformat() for i in range(263)]
    with open(os.path.join(out, "roster.csv"), "w") as f:
        f.write("pupil_id,school_id,level\n")
        f.write("".join(f"{p},S{p // 500},{'preschool' if p % 20 == 0 else 'school'}\n" for p in range(1, pupils + 1)))
    block = 200_000
    with open(os.path.join(out, "records.csv"), "w") as f:
        f.write("pupil_id,date,hours,kind,lesson\n" if lessons else "pupil_id,date,hours,kind\n")
        done = 0
        while done < rows:
            n = min(block, rows - done)
            ids = [rng.randint(1, pupils) for _ in range(n)]
            ds = rng.choices(dates, k=n)
            ks = rng.choices(("excused", "unexcused", "late"), weights=(60, 34, 6), k=n)
            hs = rng.choices(("1", "2", "3", "4", "5", "6", "7"), k=n)
            ms = rng.choices(("5", "10", "20", "21", "35", "45"), k=n)
            if lessons:
                ls = rng.choices(("1", "2", "3", "4", "5", "6", "7"), k=n)
                f.write("".join(
                    f"{i},{d},{m if k == 'late' else '1'},{k},{l}\n"
                    for i, d, k, m, l in zip(ids, ds, ks, ms, ls)
                ))
            else:
                f.write("".join(
                    f"{i},{d},{m if k == 'late' else h},{k}\n" for i, d, k, h, m in zip(ids, ds, ks, hs, ms)
                ))
            done += n


if __name__ == "__main__":
    main()
