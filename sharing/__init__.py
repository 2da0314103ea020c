"""A mentor's read-only link to a person's dashboard and career story."""
