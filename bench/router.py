"""Send every query to the database the benchmark is measuring at the moment.

`make bench` times the heavy person's dashboard in two databases in turns: its own, and a
copy with 10,000 other people added, so that both timings see the machine in the same
state. Outside that measurement (and in gunicorn) everything goes to "default".
"""

CURRENT = {"alias": "default"}


class Router:
    def db_for_read(self, model, **hints):
        return CURRENT["alias"]

    def db_for_write(self, model, **hints):
        return CURRENT["alias"]

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"
