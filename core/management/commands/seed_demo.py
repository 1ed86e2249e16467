"""``csphub seed-demo``: a year of synthetic data for Cumberland's partnership, and the demo sign-ins.

Safe to run again: if the demo accounts already exist it changes nothing and prints the sign-ins.
"""

import time

from django.core.management.base import BaseCommand, CommandParser

from core import demo


class Command(BaseCommand):
    help = "Load a year of synthetic demonstration data (once) and print the demo sign-ins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--cases", type=int, default=demo.DEFAULT_CASES, help="number of cases (default 60)")
        parser.add_argument(
            "--incidents",
            type=int,
            default=demo.DEFAULT_INCIDENTS,
            help="number of incidents not linked to a case (default 150)",
        )
        parser.add_argument("--seed", type=int, default=demo.DEFAULT_SEED, help="random seed")
        parser.add_argument(
            "--core-only", action="store_true", help="only the shared case file, without the domain apps' data"
        )

    def handle(self, *args: object, cases: int, incidents: int, seed: int, core_only: bool,
               **options: object) -> None:
        started = time.perf_counter()
        result = demo.seed(
            cases=max(0, cases),
            incidents=max(0, incidents),
            seed_value=seed,
            with_domains=not core_only,
            progress=lambda message: self.stdout.write(f"  {message}") if options["verbosity"] > 1 else None,
        )
        if result.created:
            summary = ", ".join(f"{count} {name}" for name, count in result.counts.items())
            self.stdout.write(
                self.style.SUCCESS(f"Demo data created in {time.perf_counter() - started:.1f} s: {summary}.")
            )
        else:
            self.stdout.write("Demo data is already loaded; nothing was changed.")
        self.print_sign_ins()

    def print_sign_ins(self) -> None:
        rows = [("Email", "Role", "Agency"), *demo.sign_in_rows()]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        self.stdout.write("")
        self.stdout.write("Demo sign-ins:")
        for index, row in enumerate(rows):
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            self.stdout.write(("  " + "  ".join(cells)).rstrip())
            if index == 0:
                self.stdout.write("  " + "  ".join("-" * width for width in widths))
        self.stdout.write(f"Password for every demo account: {demo.DEMO_PASSWORD}")
        self.stdout.write(
            "The second factor (TOTP) is skipped only in demo mode (CSPHUB_DEMO=1); otherwise each account "
            "is asked to set one up at first sign-in."
        )
