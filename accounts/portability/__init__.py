"""A person's history in and out: the bearing-export file, JSON Resume and LinkedIn's archive.

Every format is read into one shape, the bearing-export document (document.py), checked as a
whole (`document.validate`), planned against the account (`merge.plan_import`) and written
in one transaction (`merge.apply_import`). Nothing is written until every check has passed.
"""
