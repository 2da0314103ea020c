"""A person's jobs set against their career direction: the scoring, the reading of a
history, the words and charts, and the dashboard, story, compare, offer and next-job pages."""
