"""How fast Bearing finds an occupation, and what the index costs: `python
scripts/occupation_lookups.py` (from the project folder, with the virtualenv's Python).

Prints the time to read and index the data file (once per process), the memory it keeps
(Python's own allocations, measured by tracemalloc in a second read, and the growth of the
process's resident size in the first), and the median and slowest time of a lookup for
real queries and for short prefixes that match thousands of titles. Its last line is:

occupations: build_ms=B kept_mb=M rss_mb=R median_us=U worst_median_us=W
"""

import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from careers import occupations  # noqa: E402 - after the project folder is on the path

QUERIES = [
    "waiter",
    "welder",
    "technical writer",
    "software developer",
    "data scientist",
    "nurse",
    "teacher",
    "homemaker",
    "professional wrestler",
    "game developer",
    "cook",
    "data an",
    "software dev",
    "manager",
    "operator",
    "technician",
    "co",
    "ma",
    "se",
]
RUNS = 200


def rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    before = rss_mb()
    started = time.perf_counter()
    occupations.catalogue()
    build = time.perf_counter() - started
    rss = rss_mb() - before

    occupations._catalogue = None  # read again, to count what the index keeps
    tracemalloc.start()
    occupations.catalogue()
    kept = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()

    medians = {}
    for query in QUERIES:
        times = []
        for _ in range(RUNS):
            started = time.perf_counter()
            occupations.search(query)
            times.append(time.perf_counter() - started)
        medians[query] = statistics.median(times)
        found = occupations.search(query)
        shown = f"{found[0].title} ({found[0].matched})" if found else "nothing"
        print(
            f"{query!r:24} {medians[query] * 1e6:8.1f} µs median "
            f"{max(times) * 1e6:8.1f} µs slowest  {len(found):2} found, first {shown}"
        )
    median = statistics.median(medians.values())
    print(
        f"occupations: build_ms={build * 1000:.0f} kept_mb={kept:.1f} rss_mb={rss:.1f} "
        f"median_us={median * 1e6:.0f} worst_median_us={max(medians.values()) * 1e6:.0f}"
    )


if __name__ == "__main__":
    main()
