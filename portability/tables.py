"""CSV text as rows of cells, read as generously as its meaning allows.

Real files are untidy: LinkedIn writes a space before a quoted field (`…end", "New York,
NY",Dec 2021`), spreadsheet programs in much of Europe separate cells with semicolons, and
some files put notes above the row that names the columns. A row is numbered as a
spreadsheet program numbers it (the first line is row 1, a cell spanning lines is one row),
so that a problem's place can be found in the file.
"""

import csv
import io
import itertools
from collections.abc import Iterator

from portability.problems import Rejected

DELIMITERS = (",", ";", "\t")
HEADER_SEARCH = 10  # rows looked at for the one that names the columns
SNIFF_CHARS = 100_000  # how far the delimiter is looked for, whatever the file's length
# The widest row any CSV may have. A row is measured as soon as it is split, before any of
# its cells is looked at: a 5 MB file can hold one row of 2.4 million cells, and every cell
# folded and matched would hold a worker for many seconds.
MAX_COLUMNS = 100


def delimiter_of(text: str) -> str:
    """The character that separates cells: the one some line among the first holds most of
    outside quotes (a comma when none; a title line such as "My jobs, 2026" does not outweigh
    the header, nor a quoted description full of semicolons a comma-separated file)."""
    lines = list(itertools.islice(_unquoted_lines(text), HEADER_SEARCH)) or [""]
    counts = {delimiter: max(line.count(delimiter) for line in lines) for delimiter in DELIMITERS}
    return max(DELIMITERS, key=lambda delimiter: counts[delimiter])


def _unquoted_lines(text: str) -> Iterator[str]:
    """The first SNIFF_CHARS of the text as rows, with what is inside double quotes left out
    (a quoted cell may run over several lines; a doubled quote inside one leaves and
    re-enters it)."""
    line: list[str]
    line, quoted = [], False
    for char in text[:SNIFF_CHARS]:
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char in "\r\n":
            yield "".join(line)
            line = []
        else:
            line.append(char)
    yield "".join(line)


def rows(
    text: str,
    *,
    delimiter: str | None = None,
    verbatim: bool = False,
    limit: int | None = None,
    name: str = "This file",
) -> list[tuple[int, list[str]]]:
    """(row number, [cells]) for every row that is not blank.

    Cells are stripped of the white space around them unless `verbatim` (Bearing's own
    export, which comes back exactly); a space before a quote is never read as part of the
    cell. Rejected when the text is not CSV, holds more than `limit` rows after the first, or
    a row of more than MAX_COLUMNS cells.
    """
    reader = csv.reader(
        io.StringIO(text, newline=""),
        delimiter=delimiter or delimiter_of(text),
        skipinitialspace=not verbatim,
    )
    result: list[tuple[int, list[str]]] = []
    try:
        for number, row in enumerate(reader, start=1):
            if len(row) > MAX_COLUMNS:
                raise Rejected.one(
                    f"{name} has {len(row):,} columns in row {number}; Bearing reads at most "
                    f"{MAX_COLUMNS}. Keep the columns about your jobs and upload it again."
                )
            cells = row if verbatim else [cell.strip() for cell in row]
            if not any(cell.strip() for cell in cells):
                continue
            if limit is not None and len(result) > limit:
                raise Rejected.one(
                    f"{name} has more than {limit} rows; Bearing imports at most {limit} at once."
                )
            result.append((number, cells))
    except csv.Error as error:
        raise Rejected.one(f"{name} is not a readable CSV file ({error}).") from None
    return result


def column_letter(index: int) -> str:
    """A column as a spreadsheet program names it: 0 is A, 26 is AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters
