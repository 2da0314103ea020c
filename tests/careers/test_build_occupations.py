"""scripts/build_occupations.py, on a release in miniature: what it keeps, how it rounds,
whom an unrated occupation borrows from, and that the same input gives the same bytes."""

import gzip
import importlib.util
from pathlib import Path

import pytest

from careers.occupations import Catalogue

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_occupations.py"
spec = importlib.util.spec_from_file_location("build_occupations", SCRIPT)
build_occupations = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_occupations)

CODE = "O*NET-SOC Code"
RATING = [CODE, "Title", "Element ID", "Element Name", "Scale ID", "Scale Name", "Data Value"]
RATING += ["N", "Standard Error", "Lower CI Bound", "Upper CI Bound", "Recommend Suppress"]
RATING += ["Not Relevant", "Date", "Domain Source"]


def tsv(folder, name, header, rows):
    lines = ["\t".join(header)] + ["\t".join(row) for row in rows]
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def rating(code, name, scale, value, suppress="N"):
    return [code, "t", "2.A", name, scale, "s", value, "8", "0", "0", "0", suppress, "", "", ""]


@pytest.fixture
def release(tmp_path):
    """Four occupations: A and D rated, B and C not; B is related to C, D and A."""
    tsv(
        tmp_path,
        "Occupation Data.tsv",
        [CODE, "Title"],
        [
            ["11-0001.00", "Alpha Workers"],
            ["11-0002.00", "Beta  Workers"],
            ["11-0003.00", "Gamma Workers"],
            ["11-0004.00", "Delta Workers"],
        ],
    )
    tsv(
        tmp_path,
        "Alternate Titles.tsv",
        [CODE, "Title", "Alternate Title", "Short Title", "Source(s)"],
        [
            ["11-0001.00", "t", "Chief Alpha Officer (CAO)", "CAO", "02,08"],
            ["11-0001.00", "t", "alpha  worker", "", "04"],
            ["11-0001.00", "t", "Alpha Worker", "", "02,04,10"],
            ["11-0001.00", "t", "Alpha Workers", "", "02"],  # its own title: left out
        ],
    )
    tsv(
        tmp_path,
        "Sample of Reported Titles.tsv",
        [CODE, "Title", "Reported Job Title", "Shown in My Next Move"],
        [["11-0001.00", "t", "Alpha Lead", "Y"], ["11-0002.00", "t", "Beta Lead", "N"]],
    )
    tsv(
        tmp_path,
        "Skills.tsv",
        RATING,
        [
            rating("11-0001.00", "Speaking", "IM", "4.62"),  # 90.5 → 91
            rating("11-0001.00", "Speaking", "LV", "6.00"),  # a level, not an importance
            rating("11-0001.00", "Writing", "IM", "2.5"),  # 37.5 → 38
            rating("11-0001.00", "Listening", "IM", "1.02"),  # 0.5 → 1
            rating("11-0001.00", "Guessing", "IM", "5", suppress="Y"),  # unreliable: dropped
            rating("11-0004.00", "Reading", "IM", "3"),  # 50
        ],
    )
    tsv(
        tmp_path,
        "Knowledge.tsv",
        RATING,
        [rating("11-0001.00", "Mathematics", "IM", "5"), rating("11-0004.00", "Law", "IM", "1")],
    )
    tsv(
        tmp_path,
        "Technology Skills.tsv",
        [CODE, "Title", "Example", "Commodity Code", "Commodity Title", "Hot Technology"]
        + ["In Demand"],
        [
            ["11-0001.00", "t", "Zeta Suite", "1", "c", "Y", "N"],
            ["11-0001.00", "t", "Abacus", "1", "c", "N", "N"],
            ["11-0001.00", "t", "Zeta Suite", "2", "c", "N", "N"],
            ["11-0001.00", "t", "Excel", "1", "c", "Y", "Y"],
        ],
    )
    tsv(
        tmp_path,
        "Related Occupations.tsv",
        [CODE, "Title", "Related O*NET-SOC Code", "Related Title", "Relatedness Tier", "Index"],
        [
            ["11-0002.00", "t", "11-0001.00", "t", "Supplemental", "11"],
            ["11-0002.00", "t", "11-0004.00", "t", "Primary-Long", "6"],
            ["11-0002.00", "t", "11-0003.00", "t", "Primary-Short", "1"],  # has no ratings
        ],
    )
    tsv(
        tmp_path,
        "Job Zones.tsv",
        [CODE, "Title", "Job Zone", "Date", "Domain Source"],
        [["11-0001.00", "t", "2", "08/2023", "Analyst"], ["11-0004.00", "t", "4", "", ""]],
    )
    tsv(
        tmp_path,
        "Job Zone Reference.tsv",
        ["Job Zone", "Name", "Experience", "Education", "Job Training", "Examples", "SVP Range"],
        [
            [
                "2",
                "Job Zone Two: Some Preparation Needed",
                "Some  experience.",
                "School.",
                "Months.",
                "Tellers.",
                "(4.0 to < 6.0)",
            ],
            [
                "1",
                "Job Zone One: Little or No Preparation Needed",
                "None.",
                "Maybe.",
                "Days.",
                "Baristas.",
                "(Below 4.0)",
            ],
        ],
    )
    (tmp_path / "Read Me.txt").write_text("O*NET 99.9 Database\nMay 2099 Release\n")
    (tmp_path / "SOURCE.md").write_text(
        "# The release\n\nSome words.\n\n> This site includes information. [Bearing] has\n"
        "> modified it.\n\nMore words.\n"
    )
    return tmp_path


@pytest.mark.parametrize(
    ("value", "importance"),
    [("1", 0), ("5", 100), ("4.62", 91), ("3.75", 69), ("3.88", 72), ("2.5", 38), ("1.02", 1)],
)
def test_importance_is_round_of_im_less_1_over_4_times_100_half_up(value, importance):
    assert build_occupations.importance(value) == importance


def test_what_the_file_keeps_of_each_occupation(release):
    document = build_occupations.build(release)
    assert document["source"] == "O*NET 99.9 Database (May 2099 Release)"
    assert document["attribution"] == "This site includes information. Bearing has modified it."
    alpha, beta, gamma, delta = document["occupations"]
    assert alpha == {
        "code": "11-0001.00",
        "title": "Alpha Workers",
        "alternate": [["Alpha Worker", 3], ["CAO", 2], ["Chief Alpha Officer (CAO)", 2]],
        "reported": [["Alpha Lead", True]],
        "skills": [["Speaking", 91], ["Writing", 38], ["Listening", 1]],
        "knowledge": [["Mathematics", 100]],
        "technology": [["Excel", True], ["Zeta Suite", True], ["Abacus", False]],
        "borrowed_from": None,
        "zone": 2,
        # Listening, Reading, Speaking, Writing; Law, Mathematics (Reading and Law: means)
        "profile": [1, 50, 91, 38, 0, 100],
    }
    assert beta["title"] == "Beta Workers"  # white space folded
    # Not Gamma (Primary-Short, but unrated), then Delta (Primary-Long) before Alpha.
    assert beta["borrowed_from"] == "11-0004.00"
    assert (beta["skills"], beta["knowledge"]) == ([], [])  # read from the lender
    assert gamma["borrowed_from"] is None  # nothing to borrow from
    assert delta["skills"] == [["Reading", 50]]
    assert (delta["zone"], delta["profile"]) == (4, [1, 50, 91, 38, 0, 100])
    assert (beta["zone"], beta["profile"]) == (None, None)  # Bearing uses its lender's


def test_the_profile_elements_their_means_and_the_job_zones_in_words(release):
    document = build_occupations.build(release)
    assert document["version"] == 2
    assert document["elements"] == [
        ["skill", "Listening"],
        ["skill", "Reading"],
        ["skill", "Speaking"],
        ["skill", "Writing"],
        ["knowledge", "Law"],
        ["knowledge", "Mathematics"],
    ]
    # Each over the occupations that rate it: Reading only Delta (50), Law only Delta (IM 1: 0).
    assert document["means"] == [1, 50, 91, 38, 0, 100]
    assert document["zones"] == [
        {
            "zone": 1,
            "name": "Little or no preparation needed",
            "experience": "None.",
            "education": "Maybe.",
            "training": "Days.",
            "examples": "Baristas.",
        },
        {
            "zone": 2,
            "name": "Some preparation needed",
            "experience": "Some experience.",
            "education": "School.",
            "training": "Months.",
            "examples": "Tellers.",
        },
    ]


@pytest.mark.parametrize(("values", "mean"), [([1, 2], 2), ([1, 1, 2], 1), ([90, 91], 91)])
def test_an_elements_mean_is_rounded_half_up(values, mean):
    skills = {f"11-000{n}.00": [["Speaking", value]] for n, value in enumerate(values)}
    _, means, _ = build_occupations.profiles(skills, {})
    assert means == [mean]


def test_the_same_release_gives_the_same_bytes_and_bearing_reads_them(release, tmp_path):
    first = build_occupations.encode(build_occupations.build(release))
    second = build_occupations.encode(build_occupations.build(release))
    assert first == second
    assert first[4:8] == b"\0\0\0\0"  # no time in the gzip header
    catalogue = Catalogue.read(gzip.decompress(first).decode("utf-8").splitlines())
    beta = catalogue.occupations["11-0002.00"]
    assert [rating.name for rating in beta.skills] == ["Reading"]
    assert beta.borrowed_from == "11-0004.00"
    assert beta.profile == catalogue.occupations["11-0004.00"].profile
    assert catalogue.zones[2].name == "Some preparation needed"
    [match] = catalogue.search("cao", 10)
    assert (match.code, match.matched) == ("11-0001.00", "CAO")


def test_the_script_writes_the_file_where_it_is_told(release, tmp_path, capsys):
    output = tmp_path / "out" / "occupations.jsonl.gz"
    build_occupations.main([str(release), "-o", str(output)])
    assert output.read_bytes() == build_occupations.encode(build_occupations.build(release))
    said = capsys.readouterr().err
    assert "4 occupations (1 borrow ratings, 1 have none; 2 have a Job Zone)" in said


def test_a_source_without_the_attribution_is_refused(release):
    (release / "SOURCE.md").write_text("# No quote here\n")
    with pytest.raises(SystemExit, match="attribution"):
        build_occupations.build(release)
