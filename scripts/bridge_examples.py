"""The bridges for a few made-up working lives, and how long one ranking takes.

    python scripts/bridge_examples.py            # every history, then the timing
    python scripts/bridge_examples.py waiter     # the histories whose name holds "waiter"

Each history is a person's held jobs of the last years (with the O*NET occupations they
are linked to), the skills they have, their direction's occupation and its target skills
not covered yet. Everything is as alignment.bridges ranks it for the page "Your next job"
(no database: the committed occupation data only). The timing is the median of 21
rankings of each history in this process, after one to warm up.
"""

import statistics
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

if __name__ == "__main__":  # run as a script: Django set up to read the occupation data
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "1")
    django.setup()

from alignment import bridges, next_job  # noqa: E402
from careers import occupations  # noqa: E402

TODAY = date(2026, 11, 22)
RUNS = 21


def job(code, start, end=None):
    return bridges.RecentJob(code, date.fromisoformat(start), end and date.fromisoformat(end))


HISTORIES = {
    "waiter who wants to nurse": {
        "jobs": [
            job("35-3023.00", "2020-02-01", "2021-05-31"),  # Fast Food and Counter Workers
            job("35-3031.00", "2021-06-01"),  # Waiters and Waitresses
        ],
        "skills": [
            "Customer and Personal Service",
            "Active Listening",
            "Service Orientation",
            "Social Perceptiveness",
            "Speaking",
            "Carrying plates",
        ],
        "direction": "29-1141.00",  # Registered Nurses
        "missing": [
            ("Medicine and Dentistry", 3),
            ("Psychology", 3),
            ("Critical Thinking", 3),
            ("Patient care", 3),
            ("Biology", 2),
            ("Therapy and Counseling", 2),
            ("Monitoring", 2),
        ],
    },
    "cashier who wants to be an electrician": {
        "jobs": [
            job("53-7065.00", "2020-09-01", "2022-08-31"),  # Stockers and Order Fillers
            job("41-2011.00", "2022-09-01"),  # Cashiers
        ],
        "skills": ["Customer and Personal Service", "Active Listening", "Cash handling"],
        "direction": "47-2111.00",  # Electricians
        "missing": [
            ("Troubleshooting", 3),
            ("Installation", 3),
            ("Wiring", 3),
            ("Building and Construction", 2),
            ("Mechanical", 2),
            ("Mathematics", 2),
            ("Repairing", 2),
        ],
    },
    "support agent who wants UX design": {
        "jobs": [job("43-4051.00", "2021-03-01")],  # Customer Service Representatives
        "skills": ["Customer and Personal Service", "Active Listening", "Writing", "Zendesk"],
        "direction": "15-1255.00",  # Web and Digital Interface Designers
        "missing": [
            ("Design", 3),
            ("User research", 3),
            ("Computers and Electronics", 3),
            ("Communications and Media", 2),
            ("Figma", 2),
            ("Programming", 1),
            ("Fine Arts", 1),
        ],
    },
    "shop assistant and barista who want to be an accountant": {
        "jobs": [
            job("35-3023.00", "2019-01-01", "2022-12-31"),  # Fast Food and Counter Workers
            job("41-2031.00", "2023-01-15"),  # Retail Salespersons
        ],
        "skills": ["Customer and Personal Service", "Sales and Marketing", "Speaking"],
        "direction": "13-2011.00",  # Accountants and Auditors
        "missing": [
            ("Economics and Accounting", 3),
            ("Mathematics", 3),
            ("Administrative", 2),
            ("Microsoft Excel", 2),
            ("Law and Government", 1),
        ],
    },
    "labourer who wants to be a civil engineer": {
        "jobs": [job("47-2061.00", "2019-04-01")],  # Construction Laborers
        "skills": ["Building and Construction", "Mechanical", "Operation and Control"],
        "direction": "17-2051.00",  # Civil Engineers
        "missing": [
            ("Engineering and Technology", 3),
            ("Design", 3),
            ("Mathematics", 3),
            ("Physics", 2),
            ("AutoCAD", 1),
        ],
    },
    "Elena, waiter and gym assistant who wants to wrestle (the demo)": {
        "jobs": [
            job("35-3031.00", "2024-01-15", "2024-12-31"),  # Waiters and Waitresses
            job("39-9031.00", "2025-01-06", "2025-06-30"),  # Exercise Trainers
        ],
        "skills": ["Public speaking", "Strength training", "Choreography"],
        "direction": "27-2021.00",  # Athletes and Sports Competitors
        "missing": [("Stage presence", 3)],
    },
    "waiter who wants to make games, no occupation linked to the direction": {
        "jobs": [job("35-3031.00", "2022-01-01")],
        "skills": ["Customer and Personal Service"],
        "direction": None,
        "missing": [
            ("Programming", 3),
            ("Design", 2),
            ("Computers and Electronics", 2),
            ("Mathematics", 1),
        ],
    },
}


def ranking(field, history, limit=bridges.LIMIT):
    return bridges.rank(
        field,
        jobs=history["jobs"],
        skills=history["skills"],
        direction=history["direction"],
        missing=[bridges.Missing(name, importance) for name, importance in history["missing"]],
        today=TODAY,
        limit=limit,
    )


def show(name, history, field):
    found = ranking(field, history)
    print(f"\n== A {name}")
    print(
        "   from "
        + ", ".join(f"{occupations.get(code).title} ({code})" for code in found.start)
        + f"; highest Job Zone {found.zone}; to "
        + (occupations.get(history["direction"]).title if history["direction"] else "no occupation")
    )
    for place, bridge in enumerate(found.bridges, 1):
        print(
            f"   {place:2d}. {bridge.title} ({bridge.code}), zone {bridge.job_zone}: "
            f"reach {float(bridge.reach):.2f}, build {float(bridge.build):.2f}"
        )
        print(
            f"       uses {', '.join(bridge.uses[:4])}; builds {', '.join(bridge.builds) or '—'}"
            f"; nearer in {', '.join(bridge.closer_in[:3]) or '—'}"
        )


def timing(field):
    print(f"\nOne ranking, in process, median of {RUNS} (after one to warm up):")
    print("   wall clock, and processor time (what other processes on the cores do not count)")
    for name, history in HISTORIES.items():
        ranking(field, history)
        wall, cpu = [], []
        for _ in range(RUNS):
            started, used = time.perf_counter(), time.process_time()
            ranking(field, history)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - used)
        print(
            f"   {statistics.median(wall) * 1000:5.1f} ms  {statistics.median(cpu) * 1000:5.1f} ms"
            f"  {name}"
        )


def main(argv):
    started = time.perf_counter()
    field = next_job.bridge_field()
    print(f"Reading the occupations and making the field: {time.perf_counter() - started:.2f} s")
    wanted = [name for name in HISTORIES if not argv or any(word in name for word in argv)]
    for name in wanted:
        show(name, HISTORIES[name], field)
    timing(field)


if __name__ == "__main__":
    main(sys.argv[1:])
