"""The direction side of Bearing: career directions, goals, skills, learning and contacts."""
