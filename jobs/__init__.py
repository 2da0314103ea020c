"""The job side of Bearing: jobs and offers, and the dashboard that sets them against the career."""
