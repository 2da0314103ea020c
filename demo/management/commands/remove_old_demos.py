"""`manage.py remove_old_demos`: the older name of `manage.py housekeeping`, which removes the
old demo accounts and everything else past its time; kept so that existing cron lines work."""

from core.management.commands.housekeeping import Command as Housekeeping


class Command(Housekeeping):
    help = "The older name of 'housekeeping', which it runs: " + Housekeeping.help

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--hours", type=int, dest="demo_hours", help="As --demo-hours.")
