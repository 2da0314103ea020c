"""One account per email address, whatever its case: password reset mail goes to one account.

A unique index on LOWER(email) over the accounts that have an address (the same SQL on SQLite
and PostgreSQL). Accounts that already share an address stop the migration, named, so that
somebody decides whose it is; nothing is changed behind their back.
"""

from collections import defaultdict

from django.db import migrations

INDEX = "account_email_unique_ci"


def refuse_shared_addresses(apps, schema_editor):
    User = apps.get_model("auth", "User")  # noqa: N806
    owners = defaultdict(list)
    for username, email in User.objects.exclude(email="").values_list("username", "email"):
        owners[email.lower()].append(username)
    shared = {email: names for email, names in owners.items() if len(names) > 1}
    if shared:
        lines = [f"  {email}: {', '.join(sorted(names))}" for email, names in sorted(shared.items())]
        raise RuntimeError(
            "These email addresses belong to more than one account; an address may belong to "
            "one account only (password reset mail goes to it). Give each of these accounts "
            "an address of its own (or none), then migrate again:\n" + "\n".join(lines)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_hits_pending_imports_form_submissions"),
        # After every migration of auth_user: on SQLite, altering a table remakes it, and an
        # index Django does not know of would be lost.
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(refuse_shared_addresses, migrations.RunPython.noop),
        migrations.RunSQL(
            f"CREATE UNIQUE INDEX {INDEX} ON auth_user (LOWER(email)) WHERE email <> ''",
            f"DROP INDEX {INDEX}",
        ),
    ]
