"""The direction side: career directions, goals, skills, learning, contacts and O*NET's data."""
