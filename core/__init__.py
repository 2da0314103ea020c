"""What every app of Bearing stands on: owned querysets and constraints, the owned views,
forms and admin, the page cache, rate limits, words helpers and housekeeping."""
