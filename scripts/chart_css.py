"""Write static/css/charts.css: the classes that place a timeline bar at whole percentages.

Bearing's content security policy allows no inline style, so a bar's place is a class:
`at-N` (its left edge at N% of the axis) and `span-N` (N% wide). Run: python3 scripts/chart_css.py
"""

from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "static" / "css" / "charts.css"


def main():
    lines = [
        "/* The timeline's places, in whole percentages (no inline style under the CSP).",
        "   Made by scripts/chart_css.py: edit that, not this. */",
    ]
    lines += [f".at-{n}{{left:{n}%}}" for n in range(101)]
    lines += [f".span-{n}{{width:{n}%}}" for n in range(1, 101)]
    OUT.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
