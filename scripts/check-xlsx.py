#!/usr/bin/env python3
"""Open an .xlsx with openpyxl and print what a person would check first.

    python3 scripts/check-xlsx.py FILE [--rows N]

Prints, per sheet: name, dimensions, frozen pane, merged cells, autoFilter, print setup,
column widths, number formats of the first data row, and the first N rows (default 5) as
Python values (dates come back as datetime, percents as fractions). Exits 1 if the file is not
a valid zip or openpyxl cannot open it, so it can be used as a smoke check in tests and CI.
Needs openpyxl (pip install openpyxl).
"""
import argparse
import sys
import zipfile


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file")
    parser.add_argument("--rows", type=int, default=5, help="rows to print per sheet (default 5)")
    args = parser.parse_args()

    try:
        with zipfile.ZipFile(args.file) as z:
            bad = z.testzip()
            if bad is not None:
                print(f"error: {args.file}: bad CRC in zip entry {bad}", file=sys.stderr)
                return 1
    except (OSError, zipfile.BadZipFile) as e:
        print(f"error: {args.file}: not a readable zip: {e}", file=sys.stderr)
        return 1

    try:
        import openpyxl
        from openpyxl.utils import get_column_letter
    except ImportError:
        print("error: openpyxl is not installed (pip install openpyxl)", file=sys.stderr)
        return 1

    try:
        wb = openpyxl.load_workbook(args.file)
    except Exception as e:  # openpyxl raises many kinds
        print(f"error: {args.file}: openpyxl cannot open it: {type(e).__name__}: {e}", file=sys.stderr)
        return 1

    print(f"file: {args.file}")
    print(f"sheets: {wb.sheetnames}")
    for ws in wb.worksheets:
        print()
        print(f"== sheet {ws.title!r}")
        print(f"dimensions: {ws.dimensions} ({ws.max_row} rows x {ws.max_column} columns)")
        print(f"freeze_panes: {ws.freeze_panes}")
        print(f"merged: {[str(r) for r in ws.merged_cells.ranges]}")
        print(f"auto_filter: {ws.auto_filter.ref}")
        ps = ws.page_setup
        print(f"page_setup: paperSize={ps.paperSize} orientation={ps.orientation} "
              f"fitToWidth={ps.fitToWidth} fitToHeight={ps.fitToHeight} fitToPage={ws.sheet_properties.pageSetUpPr.fitToPage if ws.sheet_properties.pageSetUpPr else None}")
        print(f"print_title_rows: {ws.print_title_rows}")
        widths = {}
        for col in range(1, ws.max_column + 1):
            letter = get_column_letter(col)
            dim = ws.column_dimensions.get(letter)
            if dim is not None and dim.width:
                widths[letter] = dim.width
        print(f"column widths: {widths}")
        last = ws.max_row
        formats = {c.coordinate: c.number_format for c in ws[last] if c.value is not None and c.number_format != "General"}
        print(f"number formats (row {last}): {formats}")
        for r, row in enumerate(ws.iter_rows(min_row=1, max_row=min(ws.max_row, args.rows), values_only=True), start=1):
            print(f"row {r}: {list(row)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
